import { describe, expect, it } from 'vitest';
import { detectState, type DetectDoc } from '../../../src/features/overlaps/detect.ts';
import { clustersOf, growClusters } from '../../../src/features/overlaps/clusters.ts';
import {
  relate,
  ruleScore,
  scorePair,
  withoutSignature,
} from '../../../src/features/overlaps/score.ts';
import { decide } from '../../../src/features/overlaps/hybrid.ts';
import { analyse, serialiseAnalysis } from '../../../src/features/overlaps/text.ts';

/** A UPR recommendation of one review, for detection. */
const doc = (id: string, text: string): DetectDoc => ({
  id,
  text,
  language: 'en',
  mechanism: 'UPR',
  cycle: 1,
  year: 2010,
  source: null,
});

describe('commitment signatures', () => {
  it('names one treaty however it is written, in English, French and Spanish', () => {
    for (const [text, lang] of [
      ['Consider ratifying the OP-CAT', 'en'],
      ['Ratify the Optional Protocol to the Convention against Torture', 'en'],
      ['Ratifier le Protocole facultatif se rapportant à la Convention contre la torture', 'fr'],
      ['Ratificar el Protocolo Facultativo de la Convención contra la Tortura', 'es'],
    ] as const) {
      const a = analyse(text, lang);
      expect([...a.objects], text).toEqual(['OPCAT']);
      expect(a.actions.has('RATIFY'), text).toBe(true);
    }
    expect([...analyse('Accede to the Istanbul Convention').objects]).toEqual(['ISTANBUL']);
    // "The ICCPR's optional protocols" are both protocols, not the Covenant.
    expect([...analyse("Ratify the ICCPR's two optional protocols").objects].sort()).toEqual([
      'DEATH_PENALTY',
      'ICCPR_OP1',
      'ICCPR_OP2',
    ]);
    expect([...analyse("Ratify CEDAW's Optional Protocol").objects]).toEqual(['CEDAW_OP']);
    expect([...analyse('Consider acceding to OP-ICCPR 1').objects]).toEqual(['ICCPR_OP1']);
    // "... and its Optional Protocol" after a treaty's full name asks for both.
    expect(
      [
        ...analyse(
          'Sign and ratify the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment and its Optional Protocol',
        ).objects,
      ].sort(),
    ).toEqual(['CAT', 'OPCAT']);
    expect([...analyse('Consider acceding to: OP-ICCPR 2').objects].sort()).toEqual([
      'DEATH_PENALTY',
      'ICCPR_OP2',
    ]);
    // Drug and arms trafficking are not trafficking in persons.
    expect([...analyse('Combat trafficking in women and children').objects]).toEqual([
      'TRAFFICKING',
    ]);
    expect([...analyse('Continue its efforts to combat drug trafficking').objects]).toEqual([]);
    expect([...analyse('Curb illicit trafficking of arms').objects]).toEqual([]);
    expect([
      ...analyse(
        'Ratify the Council of Europe Convention on preventing and combating violence against women and domestic violence',
      ).objects,
    ]).toEqual(['ISTANBUL']);
    expect(
      [
        ...analyse(
          'Ratify the Convention on the Rights of Persons with Disabilities and its Optional Protocol',
        ).objects,
      ].sort(),
    ).toEqual(['CRPD', 'CRPD_OP']);
  });

  it('drops the trailing "(State, State);" attribution but keeps a trailing treaty name', () => {
    expect(analyse('Abolish the death penalty (France, Spain);').tokens).not.toContain('franc');
    expect(analyse('Ratify the Migrant Workers Convention (ICRMW)').objects.has('ICRMW')).toBe(
      true,
    );
  });

  it('finds "as previously recommended" phrases', () => {
    expect(analyse('As previously recommended, adopt a law on torture').repeatPhrase).toBe(
      'as previously recommended',
    );
    expect(analyse('Adopt a law on torture').repeatPhrase).toBeNull();
  });

  it('tells a treaty from its protocol, and steps of the death-penalty ladder apart', () => {
    expect(
      relate(analyse('Ratify the OP-CAT'), analyse('Ratify the Convention against Torture')).kind,
    ).toBe('CONFLICT');
    expect(relate(analyse('Sign the Rome Statute'), analyse('Ratify the Rome Statute')).kind).toBe(
      'PARTIAL',
    );
    expect(
      relate(analyse('Establish a moratorium on executions'), analyse('Abolish the death penalty'))
        .kind,
    ).toBe('PARTIAL');
    expect(
      relate(analyse('Abolish the death penalty'), analyse('Abolish capital punishment')).kind,
    ).toBe('SAME');
  });

  it('counts as ratified only the instruments a treaty verb asks for', () => {
    const bound = (text: string) => [...analyse(text).bound].sort();
    const kampala =
      'Review its national legislation to ensure full alignment with the Rome Statute of the ICC and ratify the Kampala amendments to the Rome Statute';
    expect(bound(kampala)).toEqual(['ROME_KAMPALA']);
    expect(bound('Ratify and implement the Rome Statute')).toEqual(['ROME']);
    expect(bound('Consider ratifying the OP-CAT and implement the CAT')).toEqual(['OPCAT']);
    expect(
      bound('Fully implement the principles of CAT and accelerate the procedures to ratify it'),
    ).toEqual(['CAT']);
    expect(
      bound('Incorporate the core treaties ratified by Uruguay, namely CEDAW and CRC, into law'),
    ).toEqual([]);
    expect(bound('Complete the ratification of the two Optional Protocols to CRC')).toEqual([
      'CRC_OPAC',
      'CRC_OPAC_OPSC',
      'CRC_OPSC',
    ]);
    expect(bound('OP-CAT ratification')).toEqual(['OPCAT']);
    expect(
      bound('Report on its obligations under the conventions it has ratified, namely CEDAW'),
    ).toEqual([]);
    expect(
      bound(
        'Expand the core human rights instruments in force, in particular by ratifying the OP-CAT',
      ),
    ).toEqual(['CORE_TREATIES', 'OPCAT']);
    expect(bound('Withdraw reservations to CAT and accede to its Optional Protocol')).toEqual([
      'OPCAT',
    ]);
    expect(
      bound(
        'Withdraw the reservations to CEDAW and ratify the Optional Protocol to this Convention',
      ),
    ).toEqual(['CEDAW_OP']);
    // "the CRPD and the Optional Protocol to the CAT": the protocol is the CAT's, not the CRPD's.
    expect(
      bound('Ratify the CRPD and the Optional Protocol to the Convention against Torture'),
    ).toEqual(['CRPD', 'OPCAT']);

    // Ratifying the Statute and ratifying its amendments are different asks.
    expect(relate(analyse('Ratify the Rome Statute of the ICC.'), analyse(kampala)).kind).toBe(
      'CONFLICT',
    );
    // The same ratification, one text asking more of another treaty: PARTIAL, not SAME.
    expect(
      relate(analyse('Ratify the OP-CAT'), analyse('Ratify the OP-CAT and implement the CAT')),
    ).toEqual({
      kind: 'PARTIAL',
      why: 'same instrument OPCAT; both RATIFY; also named: OPCAT / OPCAT, CAT',
    });
  });

  it('calls establishing an institution and strengthening it steps of one ask, not the same', () => {
    const establish = analyse('Establish a national human rights institution');
    expect(
      relate(establish, analyse('Set up an NHRI in accordance with the Paris Principles')).kind,
    ).toBe('SAME');
    const strengthen = relate(
      establish,
      analyse('Further strengthen the capacity of the National Human Rights Commission'),
    );
    expect(strengthen).toEqual({
      kind: 'PARTIAL',
      why: 'same institution: NHRI; establish / improve',
    });
  });
});

describe('a shared subject', () => {
  // Other texts of the state, so that words have the weights they have in a real state.
  // Defenders come up often, as they do in many states, so the subject's own weight is low.
  const others = [
    'Ensure access to education for all children',
    'Improve prison conditions and reduce overcrowding',
    'Guarantee freedom of expression and of the media',
    'Combat corruption in the police and the judiciary',
    'Release the human rights defenders detained for their peaceful work',
    'Consult human rights defenders and civil society on the national action plan',
    'Allow human rights defenders to travel abroad to meet the United Nations',
  ].map((text, i) => doc(`z${i}`, text));

  it('links a general ask to a specific one on it, with the subject as evidence', () => {
    const general = 'Guarantee the safety of human rights defenders';
    const specific = 'Increase funding to provide human rights advocates with adequate protection';
    expect(relate(analyse(general), analyse(specific))).toEqual({
      kind: 'SUBJECT',
      why: 'same subject: HRD',
    });
    const { links } = detectState([doc('a', general), doc('b', specific), ...others]);
    const link = links.find((l) => l.a === 'a' && l.b === 'b');
    expect(link).toMatchObject({ kind: 'PARTIAL' });
    expect(link!.methods).toContain('SIGNATURE');
    expect(link!.evidence.signature).toBe('same subject: HRD');
    expect(link!.evidence.parts.signature).toBeGreaterThan(0.5);
    // The subject links them; their wording alone would not, nor join them in a cluster.
    const features = {
      jaccard: link!.evidence.jaccard,
      containment: link!.evidence.containment,
      cosine: null,
      crossLanguage: false,
    };
    const wordingAlone = decide(withoutSignature({ ...features, relation: 'SUBJECT', rules: 0 }));
    expect(wordingAlone.link).toBe(false);
    expect(link!.clusters).toBe(false);
  });

  it('joins clusters by the rest of the evidence, not by the shared subject', () => {
    const general = analyse('Guarantee the safety of human rights defenders');
    const specific = analyse('Protect human rights activists from threats and reprisals');
    expect(relate(general, specific).kind).toBe('SUBJECT');
    // Wording close enough to be SAME-grade with the subject, but not without it.
    const band: number[] = [];
    for (let lexical = 0; lexical <= 1; lexical += 0.01) {
      const features = {
        jaccard: lexical,
        containment: lexical,
        cosine: null,
        crossLanguage: false,
        relation: 'SUBJECT' as const,
        rules: ruleScore('SUBJECT', lexical),
      };
      if (decide(features).clusters && !decide(withoutSignature(features)).clusters) {
        band.push(lexical);
      }
    }
    expect(band.length).toBeGreaterThan(0);
    const terms = { sharedTerms: () => ['@hrd'] };
    const lexical = band[0]!;
    const scored = scorePair(
      general,
      specific,
      { jaccard: lexical, containment: lexical },
      null,
      false,
      terms,
      0,
      1,
    )!;
    expect(scored.linked).toBe(true);
    expect(scored.clusters).toBe(false);
    // Above the band the wording alone is SAME-grade, and the pair joins clusters.
    const close = scorePair(
      general,
      specific,
      { jaccard: 0.95, containment: 0.95 },
      null,
      false,
      terms,
      0,
      1,
    )!;
    expect(close.clusters).toBe(true);
  });

  it('does not lift two different typed measures on it, nor the death penalty off its ladder', () => {
    // LEGISLATE against TRAIN: the measures decide, as without a subject.
    expect(
      relate(
        analyse('Adopt a law on the protection of human rights defenders'),
        analyse('Train the police on the rights of human rights defenders'),
      ).kind,
    ).toBe('ACTION_MISMATCH');
    // The death penalty has its own rule (the ladder); off the ladder it is no shared subject.
    expect(
      relate(
        analyse('Consider a moratorium on the death penalty'),
        analyse('Increase judicial transparency in the use of the death penalty'),
      ).kind,
    ).toBe('NONE');
  });
});

describe('detectState', () => {
  const words = [
    'torture',
    'prison',
    'women',
    'violence',
    'children',
    'education',
    'police',
    'law',
    'journalists',
    'land',
  ];
  // A deterministic corpus of short texts sharing words in many combinations.
  const docs: DetectDoc[] = Array.from({ length: 120 }, (_, i) => ({
    id: `d${String(i).padStart(3, '0')}`,
    text: `Protect ${words[i % 10]} and ${words[(i * 7) % 10]} from ${words[(i * 3 + 1) % 10]} abuse number ${i % 13}`,
    language: 'en',
    mechanism: 'UPR',
    cycle: 1 + (i % 3),
    year: 2008 + (i % 3) * 5,
    source: `doc${i % 3}`,
  }));

  it('finds with prefix filtering every pair that all-pairs scoring links', () => {
    const exact = detectState(docs, { allPairs: true });
    const fast = detectState(docs);
    expect(exact.links.length).toBeGreaterThan(50);
    expect(fast.candidates).toBeLessThan(exact.candidates);
    expect(fast.links.map((l) => `${l.a}~${l.b}`).sort()).toEqual(
      exact.links.map((l) => `${l.a}~${l.b}`).sort(),
    );
  });

  it('compares only the new recommendations when asked, finding all their links', () => {
    const result = detectState(docs, { newIds: new Set(['d005']) });
    expect(result.links.length).toBeGreaterThan(0);
    expect(result.links.every((l) => l.a === 'd005' || l.b === 'd005')).toBe(true);

    // Any set of new ones: exactly the all-pairs links that touch them, and no others.
    const fresh = new Set(docs.filter((_d, i) => i % 7 === 3).map((d) => d.id));
    const exact = detectState(docs, { allPairs: true }).links.filter(
      (l) => fresh.has(l.a) || fresh.has(l.b),
    );
    const incremental = detectState(docs, { newIds: fresh });
    expect(exact.length).toBeGreaterThan(10);
    expect(incremental.links.map((l) => `${l.a}~${l.b}`).sort()).toEqual(
      exact.map((l) => `${l.a}~${l.b}`).sort(),
    );
  });

  it('reuses a stored analysis instead of analysing the text again', () => {
    const stored = detectState(docs).analyses.map(serialiseAnalysis);
    const reused = detectState(docs.map((d, i) => ({ ...d, text: '', analysis: stored[i] })));
    expect(reused.links).toEqual(detectState(docs).links);
  });
});

/** A live link: `joins` when it may join clusters. */
const live = (a: string, b: string, score: number, joins = true) => ({
  a,
  b,
  score,
  joins,
  confirmed: false,
});

describe('clustersOf', () => {
  it('groups recommendations that are all linked pairwise, with the mechanisms and years they span', () => {
    const clusters = clustersOf(
      [live('a', 'b', 0.9), live('b', 'c', 0.95), live('a', 'c', 0.5, false), live('x', 'y', 0.9)],
      [
        { id: 'a', mechanism: 'UPR', year: 2012 },
        { id: 'b', mechanism: 'CEDAW', year: 2008 },
        { id: 'c', mechanism: 'UPR', year: 2012 },
        { id: 'x', mechanism: 'CRC', year: null },
        { id: 'y', mechanism: 'CRC', year: 2020 },
      ],
    );
    expect(clusters.map((c) => [c.members, c.mechanisms, c.years])).toEqual([
      [
        ['a', 'b', 'c'],
        ['CEDAW', 'UPR'],
        [2008, 2012],
      ],
      [['x', 'y'], ['CRC'], [2020]],
    ]);
  });

  it('does not chain two asks through a recommendation that overlaps both', () => {
    // b overlaps a and c, but a and c are not linked: b joins its stronger partner only.
    const clusters = clustersOf(
      [live('a', 'b', 0.9), live('b', 'c', 0.95)],
      ['a', 'b', 'c'].map((id) => ({ id, mechanism: 'UPR', year: 2012 })),
    );
    expect(clusters.map((c) => c.members)).toEqual([['b', 'c']]);
    // A reviewer's confirmation goes first.
    const confirmed = clustersOf(
      [{ ...live('a', 'b', 0.5), confirmed: true }, live('b', 'c', 0.95)],
      ['a', 'b', 'c'].map((id) => ({ id, mechanism: 'UPR', year: 2012 })),
    );
    expect(confirmed.map((c) => c.members)).toEqual([['a', 'b']]);
  });
});

describe('which links join clusters', () => {
  it('not a generic "ratify the outstanding treaties" meeting a specific treaty', () => {
    const { links } = detectState([
      doc('a', 'Ratify the OP-CAT'),
      doc('b', 'Consider ratifying the Optional Protocol to the Convention against Torture'),
      doc('c', 'Ratify the core international human rights treaties to which it is not yet party'),
    ]);
    const link = (x: string, y: string) => links.find((l) => l.a === x && l.b === y);
    expect(link('a', 'b')).toMatchObject({ kind: 'SAME', clusters: true });
    expect(link('a', 'c')).toMatchObject({ kind: 'PARTIAL', clusters: false });
    expect(link('a', 'c')!.score).toBeGreaterThanOrEqual(0.6);
  });
});

describe('growClusters', () => {
  const docs = [
    { id: 'n1', mechanism: 'CAT', year: 2020 },
    { id: 'n2', mechanism: 'UPR', year: 2021 },
    { id: 'n3', mechanism: 'UPR', year: 2021 },
  ];
  const big = {
    id: 'cluster:big',
    size: 2,
    mechanisms: ['UPR'],
    years: [2010],
    members: ['b1', 'b2'],
  };
  const small = {
    id: 'cluster:small',
    size: 2,
    mechanisms: ['CRC'],
    years: [2012],
    members: ['s1', 's2'],
  };
  const isNew = (id: string) => id.startsWith('n');

  it('adds a newcomer to the cluster whose every member it overlaps, and makes new clusters of newcomers', () => {
    const growths = growClusters(
      [small, big],
      [
        live('b1', 'n1', 0.9),
        live('b2', 'n1', 0.5, false),
        live('n1', 's1', 0.95), // s2 is not linked to n1: it cannot join the small cluster
        live('n2', 'n3', 0.9),
      ],
      docs,
      isNew,
    );
    expect(growths).toHaveLength(2);
    expect(growths.find((g) => g.id === 'cluster:big')).toEqual({
      id: 'cluster:big',
      absorb: [],
      members: ['n1'],
      size: 3,
      mechanisms: ['CAT', 'UPR'],
      years: [2010, 2020],
      firstYear: 2010,
      lastYear: 2020,
    });
    // Two newcomers linked only to each other make a new cluster named after the smaller id.
    expect(growths.find((g) => g.id !== 'cluster:big')).toMatchObject({
      absorb: [],
      members: ['n2', 'n3'],
      size: 2,
      mechanisms: ['UPR'],
    });
  });

  it('never merges two stored clusters, and changes nothing for a link inside one', () => {
    expect(growClusters([big, small], [live('b1', 's1', 0.99)], docs, isNew)).toEqual([]);
    expect(growClusters([big], [live('b1', 'b2', 0.99)], docs, isNew)).toEqual([]);
  });
});
