import { describe, expect, it } from 'vitest';
import { readReferenceData } from '../../../src/features/reference/index.ts';
import { nameKey, StateNameIndex } from '../../../src/features/states/index.ts';

const index = new StateNameIndex(readReferenceData().states);

describe('nameKey', () => {
  it('ignores accents, articles, punctuation and case', () => {
    expect(nameKey('Gambia (the)')).toBe(nameKey('The Gambia'));
    expect(nameKey("Côte d'Ivoire")).toBe(nameKey('Cote d’Ivoire'));
    expect(nameKey('Trinidad & Tobago')).toBe(nameKey('Trinidad and Tobago'));
  });
});

describe('StateNameIndex', () => {
  it.each([
    ['Slovenia', 'SVN'],
    ['svn', 'SVN'],
    ['Iran (Islamic Republic of)', 'IRN'],
    ['Iran', 'IRN'],
    ['Venezuela (Bolivarian Republic of)', 'VEN'],
    ['Bolivarian Republic of Venezuela', 'VEN'],
    ["Côte d'Ivoire", 'CIV'],
    ['Cote d’Ivoire', 'CIV'],
    ['Trinidad & Tobago', 'TTO'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
    ['Bosnia and Herzegovina', 'BIH'],
    ['China', 'CHN'],
    ['Turkey', 'TUR'],
    ['Türkiye', 'TUR'],
    ['the former Yugoslav Republic of Macedonia', 'MKD'],
    ['Eslovenia', 'SVN'],
    ['Slovénie', 'SVN'],
    ['Словения', 'SVN'],
    ['Congo', 'COG'],
    ['Democratic Republic of the Congo', 'COD'],
    ['C™te d’Ivoire', 'CIV'],
    ['cotedivoire', 'CIV'],
    ['democraticpeoplesrepublicofkorea', 'PRK'],
    ['DPR Korea', 'PRK'],
    ['St Vincent & the Grenadines', 'VCT'],
    ['St. Lucia', 'LCA'],
    ['unitedkingdom', 'GBR'],
    ['elsalvador', 'SLV'],
    ['El Salvador', 'SLV'],
  ])('resolves %s to %s', (name, iso3) => {
    expect(index.resolve(name)).toBe(iso3);
  });

  it('does not guess unknown names', () => {
    expect(index.resolve('Atlantis')).toBeUndefined();
    expect(index.resolve('Korea')).toBeUndefined(); // two Koreas: never guessed
    expect(index.resolve('&#40;Unknown&#41;')).toBeUndefined();
    expect(index.resolve('')).toBeUndefined();
  });

  it('splits recommending-state lists, keeping comma-bearing names whole and unknown parts as written', () => {
    expect(index.splitList('Spain, Tunisia, Portugal')).toEqual({
      iso3s: ['ESP', 'TUN', 'PRT'],
      unknown: [],
    });
    expect(index.splitList('Venezuela, Bolivarian Republic of, Chile')).toEqual({
      iso3s: ['VEN', 'CHL'],
      unknown: [],
    });
    expect(index.splitList('Narnia, Bosnia and Herzegovina')).toEqual({
      iso3s: ['BIH'],
      unknown: ['Narnia'],
    });
  });
});
