/**
 * Assessments keep each assessor's native grade exactly as written and map it onto one common
 * scale for analytics (docs/follow-up.md, "Assessment scales"):
 *   IMPLEMENTED, PARTIALLY_IMPLEMENTED, NOT_IMPLEMENTED, NO_INFORMATION, CONTRARY.
 */
export const COMMON_GRADES = [
  'IMPLEMENTED',
  'PARTIALLY_IMPLEMENTED',
  'NOT_IMPLEMENTED',
  'NO_INFORMATION',
  'CONTRARY',
] as const;
export type CommonGrade = (typeof COMMON_GRADES)[number];

export interface AssessmentScale {
  readonly code: string;
  readonly description: string;
  /** Native grade (compared case- and space-insensitively) -> common grade. */
  readonly grades: Readonly<Record<string, CommonGrade>>;
}

const scale = (code: string, description: string, grades: Record<string, CommonGrade>) =>
  [code, { code, description, grades }] as const;

export const SCALES: ReadonlyMap<string, AssessmentScale> = new Map([
  scale('CCPR', 'Human Rights Committee follow-up grades since 2015 (A-E)', {
    A: 'IMPLEMENTED',
    B: 'PARTIALLY_IMPLEMENTED',
    C: 'NOT_IMPLEMENTED',
    D: 'NO_INFORMATION',
    E: 'CONTRARY',
  }),
  scale(
    'CCPR_LEGACY',
    'Human Rights Committee follow-up grades before 2015 (A, B1, B2, C1, C2, D1, D2, E)',
    {
      A: 'IMPLEMENTED',
      B1: 'PARTIALLY_IMPLEMENTED',
      B2: 'PARTIALLY_IMPLEMENTED',
      C1: 'NOT_IMPLEMENTED',
      C2: 'NOT_IMPLEMENTED',
      D1: 'NO_INFORMATION',
      D2: 'NO_INFORMATION',
      E: 'CONTRARY',
    },
  ),
  scale('IACHR', 'Inter-American Commission compliance levels (English or Spanish)', {
    'total compliance': 'IMPLEMENTED',
    'cumplimiento total': 'IMPLEMENTED',
    'substantial partial compliance': 'PARTIALLY_IMPLEMENTED',
    'cumplimiento parcial sustancial': 'PARTIALLY_IMPLEMENTED',
    'partial compliance': 'PARTIALLY_IMPLEMENTED',
    'cumplimiento parcial': 'PARTIALLY_IMPLEMENTED',
    'pending compliance': 'NOT_IMPLEMENTED',
    'pendiente de cumplimiento': 'NOT_IMPLEMENTED',
    'non-compliance': 'NOT_IMPLEMENTED',
    incumplimiento: 'NOT_IMPLEMENTED',
  }),
  scale('ECTHR_EXECUTION', 'Committee of Ministers supervision of ECtHR judgments', {
    closed: 'IMPLEMENTED',
    'standard supervision': 'NOT_IMPLEMENTED',
    'enhanced supervision': 'NOT_IMPLEMENTED',
  }),
  scale('ECSR', 'European Committee of Social Rights conclusions', {
    conformity: 'IMPLEMENTED',
    'non-conformity': 'NOT_IMPLEMENTED',
    deferral: 'NO_INFORMATION',
  }),
  scale(
    'UPR_SELF',
    "A state's UPR mid-term self-assessment (or an NHRI's or NGO's UPR assessment)",
    {
      implemented: 'IMPLEMENTED',
      'fully implemented': 'IMPLEMENTED',
      'partially implemented': 'PARTIALLY_IMPLEMENTED',
      'not implemented': 'NOT_IMPLEMENTED',
      'in progress': 'PARTIALLY_IMPLEMENTED',
      'no information': 'NO_INFORMATION',
    },
  ),
  scale(
    'COMMON',
    "recgraph's common scale itself, for assessors without a scale of their own",
    Object.fromEntries(COMMON_GRADES.map((g) => [g, g])),
  ),
]);

const gradeKey = (grade: string) =>
  grade
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, ' ');

/**
 * The common grade of a native one.
 * @returns null when the scale is unknown or does not have that grade
 * @example commonGradeOf('CCPR', 'B') // 'PARTIALLY_IMPLEMENTED'
 */
export function commonGradeOf(scaleCode: string, grade: string): CommonGrade | null {
  const found = SCALES.get(scaleCode);
  if (!found) return null;
  const key = gradeKey(grade);
  for (const [native, common] of Object.entries(found.grades)) {
    if (gradeKey(native) === key) return common;
  }
  return null;
}
