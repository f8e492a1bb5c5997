import { describe, expect, it } from 'vitest';
import { displayReference } from '@/lib/catalogue/reference';

describe('displayReference', () => {
  it('keeps chapter items as they are cited in every language', () => {
    expect(displayReference('4(g)', 'zh')).toBe('4(g)');
    expect(displayReference('2(aa)', 'en')).toBe('2(aa)');
  });
  it('cites operative paragraphs as each language does', () => {
    expect(displayReference('para. 5', 'en')).toBe('para. 5');
    expect(displayReference('para. 5', 'zh')).toBe('第5段');
    expect(displayReference('para. 5(b)', 'zh')).toBe('第5(b)段');
  });
});
