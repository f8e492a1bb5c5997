// The strings the access sweeps plant in entity B's data (tests/support/access-sweep-world.ts),
// and the search for them in a response. No imports: the end-to-end spec loads this without the
// application's modules.

/** In every planted string, and in nothing else. Letters only: no escaping changes it. */
export const LEAK = 'ZZLEAK';

/** The planted strings, by where they were put (the key names a leak precisely). */
export function plantedTexts(prefix: string) {
  return {
    draftNarrative: `${prefix} ZZLEAKDRAFT narrative of entity B, still a draft.`,
    submittedNarrative: `${prefix} ZZLEAKSUBMITTED narrative of entity B, waiting for review.`,
    returnedNarrative: `${prefix} ZZLEAKRETURNED narrative of entity B, sent back.`,
    reviewComment: `${prefix} ZZLEAKCOMMENT the reviewer asks entity B for more detail.`,
    evidenceNote: `${prefix} ZZLEAKNOTE note on a web page attached to B's draft.`,
    evidenceTitle: `${prefix} ZZLEAKURLTITLE page attached to B's draft`,
    evidenceUrl: 'https://example.org/zzleakweb-entity-b',
    fileName: 'zzleakfilename-entity-b.txt',
    fileContent: `${prefix} ZZLEAKFILECONTENT evidence file of entity B.\n`,
    fileNote: `${prefix} ZZLEAKFILENOTE note on the file attached to B's draft.`,
    proposalTitle: `${prefix} ZZLEAKPROPOSALTITLE page B proposed for a commitment`,
    proposalNote: `${prefix} ZZLEAKPROPOSALNOTE not yet reviewed.`,
    proposalUrl: 'https://example.org/zzleakpropweb-entity-b',
    proposalFileName: 'zzleakproposalfile-entity-b.txt',
    proposalFileContent: `${prefix} ZZLEAKPROPOSALCONTENT file B proposed for a commitment.\n`,
    contributorName: `${prefix} ZZLEAKCONTRIBUTOR Person of entity B`,
    contributorEmail: 'zzleakaddress-b@example.test',
  } as const;
}

export type PlantedTexts = ReturnType<typeof plantedTexts>;

/** Which planted text a body shows, if any (case-insensitive), by key. */
export function leaksIn(body: string, texts: PlantedTexts): string[] {
  const lower = body.toLowerCase();
  if (!lower.includes(LEAK.toLowerCase())) return [];
  const found = Object.entries(texts)
    .filter(([, text]) => {
      const marker = /zzleak[a-z]+/i.exec(text)![0].toLowerCase();
      return lower.includes(marker);
    })
    .map(([key]) => key);
  return found.length > 0 ? found : ['(unknown ZZLEAK string)'];
}
