import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessLanguage, isLanguageCode } from '../../../src/core/language.ts';

type Text = { key: string; text: string; language: string };
const TEXTS = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/languages/texts.json'), 'utf8'),
) as Text[];

describe('guessing the language of a text', () => {
  it.each(TEXTS.map((x) => [x.key, x.language, x.text] as const))(
    'reads %s as %s',
    (_key, language, text) => {
      expect(guessLanguage(text)).toBe(language);
    },
  );

  it('reads decomposed accents as composed ones, and gives no guess for a text too short', () => {
    const french = TEXTS.find((x) => x.key === 'sdg-5.2-fr')!.text;
    expect(french.normalize('NFC')).not.toBe(french);
    expect(guessLanguage(french.normalize('NFD'))).toBe('fr');
    expect(guessLanguage('OP-CAT')).toBeNull();
  });
});

describe('ISO 639-1 codes', () => {
  it('accepts two-letter codes ICU knows and nothing else', () => {
    for (const code of ['en', 'es', 'fr', 'ru', 'zh', 'ar', 'pt', 'sw']) {
      expect(isLanguageCode(code), code).toBe(true);
    }
    for (const code of ['xx', 'qq', 'spa', 'e', 'EN', '']) {
      expect(isLanguageCode(code), code).toBe(false);
    }
  });
});
