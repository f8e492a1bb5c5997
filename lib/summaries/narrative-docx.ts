// The narrative draft as a Word document (the `docx` package) for the secretariat to edit: the
// title, the DRAFT notice (also in every page's header), the figures in sentences, then one
// heading per commitment with its wording and the cited narratives. Pure: text in, bytes out.
import { BorderStyle, Document, Header, HeadingLevel, Packer, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import { rtlLocales, type Locale } from '@/lib/i18n/routing';
import type { NarrativeDraft } from './narrative-draft';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// What Word takes the text for, for its spelling checker and fonts: Latin script as the draft's
// language (British English for English and Chinese drafts, the UN's), Chinese characters as
// Simplified Chinese, Arabic script as Arabic, whatever the draft's language.
const WORD_LANGUAGE: Record<Locale, { value: string; eastAsia: string; bidirectional: string }> = {
  ar: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  en: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  es: { value: 'es-ES', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  fr: { value: 'fr-FR', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  ru: { value: 'ru-RU', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
  zh: { value: 'en-GB', eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
};

/** A run per line: a narrative keeps the line breaks its author typed. */
function lines(text: string, italics = false): TextRun[] {
  return text.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined, italics }));
}

export async function narrativeDraftDocx(draft: NarrativeDraft): Promise<Buffer> {
  // An Arabic draft reads right to left, paragraph by paragraph.
  const bidirectional = rtlLocales.includes(draft.lang);
  const paragraph = (options: Omit<IParagraphOptions, 'bidirectional'>) => new Paragraph({ ...options, bidirectional });
  const note = (text: string) => paragraph({ children: [new TextRun({ text, italics: true })] });
  const notice = () => new TextRun({ text: draft.notice, bold: true, color: 'B00020' });
  const children: Paragraph[] = [
    paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(draft.title)] }),
    paragraph({
      children: [notice()],
      border: {
        top: { style: BorderStyle.SINGLE, size: 8, color: 'B00020', space: 4 },
        bottom: { style: BorderStyle.SINGLE, size: 8, color: 'B00020', space: 4 },
      },
      spacing: { after: 240 },
    }),
  ];
  if (draft.demoNote) children.push(note(draft.demoNote));

  children.push(paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(draft.figuresHeading)] }));
  for (const figures of draft.figures) children.push(paragraph({ children: [new TextRun(figures)], spacing: { after: 120 } }));

  children.push(paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(draft.commitmentsHeading)] }));
  for (const section of draft.sections) {
    children.push(paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(section.heading)] }));
    if (section.text) {
      // The official wording, set off from the narratives.
      children.push(paragraph({
        children: lines(section.text, true),
        indent: { start: 567 },
        spacing: { after: 120 },
      }));
    }
    if (section.textNote) children.push(note(section.textNote));
    for (const entry of section.entries) {
      children.push(paragraph({
        children: [new TextRun({ text: `${entry.lead}${draft.gap}`, bold: true }), ...lines(entry.body)],
        spacing: { after: 120 },
      }));
    }
    if (section.empty) children.push(note(section.empty));
  }

  const document = new Document({
    title: draft.title,
    description: draft.notice,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun' },
            size: 24,
            language: WORD_LANGUAGE[draft.lang],
          },
        },
      },
    },
    sections: [{
      headers: { default: new Header({ children: [paragraph({ children: [notice()] })] }) },
      children,
    }],
  });
  return Packer.toBuffer(document);
}
