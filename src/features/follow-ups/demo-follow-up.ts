/**
 * Demo follow-up for Slovenia, seeded with the demo dataset so that a new user sees actions,
 * agencies, progress, an indicator, an assessment and the committee's report filled in. The
 * recommendations are real (the demo dataset); the actions, dates, notes and figures are
 * illustrative, and every description says so. Written through the service, so the audit trail
 * shows them too.
 */
import type { Viewer } from '../../auth/viewer.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { Logger } from '../../core/logger.ts';
import { createAction, type ActionStatus } from './action.service.ts';
import { createAgency } from './agency.service.ts';
import { recordAssessment } from './assessment.service.ts';
import { followUpSummary } from './follow-up-summary.service.ts';
import { createIndicator, recordMeasurement } from './indicator.service.ts';
import { addProgressUpdate } from './progress.service.ts';

const DEMO: Viewer = Object.freeze({ role: 'ADMIN', name: 'demo', states: [] });
const STATE = 'SVN';
const ILLUSTRATIVE = "Demo data (illustrative, not Slovenia's actual plan).";

const AGENCIES = {
  finance: 'Ministry of Finance',
  ombudsman: 'Human Rights Ombudsman',
  minorities: 'Government Office for National Minorities',
  labour: 'Ministry of Labour, Family, Social Affairs and Equal Opportunities',
  justice: 'Ministry of Justice',
  communication: 'Government Communication Office',
} as const;

interface DemoAction {
  readonly title: string;
  readonly description: string;
  readonly status: ActionStatus;
  readonly startDate: string;
  readonly dueDate: string;
  readonly recommendationIds: readonly string[];
  readonly agencies: readonly (keyof typeof AGENCIES)[];
  readonly progress?: readonly { date: string; note: string; status?: ActionStatus }[];
  readonly indicator?: {
    name: string;
    unit: string;
    baseline: number;
    target: number;
    values: readonly { date: string; value: number }[];
  };
}

/** The recommendation ids the demo actions address (all in the demo dataset). */
export const DEMO_ACTIONS: readonly DemoAction[] = [
  {
    title: "Guarantee the Human Rights Ombudsman's financial independence",
    description: `Amend the public finance rules so that the Ombudsman proposes and executes its own budget. ${ILLUSTRATIVE}`,
    status: 'IN_PROGRESS',
    startDate: '2025-03-01',
    dueDate: '2027-06-30',
    recommendationIds: [
      'A/HRC/43/15#122.13',
      'A/HRC/43/15#122.14',
      'A/HRC/59/15#140.18',
      'A/HRC/59/15#140.19',
    ],
    agencies: ['finance', 'ombudsman'],
    progress: [
      { date: '2025-09-15', note: 'Draft amendment sent to the Ombudsman for comments.' },
      { date: '2026-04-10', note: 'Amendment in inter-ministerial consultation.' },
    ],
  },
  {
    title: 'Implement and independently evaluate the National Programme of Measures for Roma',
    description: `Fund the programme's measures on housing, education and employment, and commission an independent evaluation. ${ILLUSTRATIVE}`,
    status: 'IN_PROGRESS',
    startDate: '2021-01-01',
    dueDate: '2030-12-31',
    recommendationIds: [
      'A/HRC/43/15#121.44',
      'A/HRC/43/15#121.45',
      'A/HRC/43/15#121.46',
      'A/HRC/43/15#121.47',
      'A/HRC/43/15#122.136',
    ],
    agencies: ['minorities'],
    progress: [{ date: '2026-02-01', note: 'Terms of reference for the evaluation agreed.' }],
    indicator: {
      name: 'Roma children enrolled in pre-school',
      unit: '%',
      baseline: 40,
      target: 75,
      values: [
        { date: '2023-09-30', value: 46 },
        { date: '2025-09-30', value: 53 },
      ],
    },
  },
  {
    title:
      'Adopt and fund the resolution on preventing violence against women and domestic violence',
    description: `A national resolution with a budget for shelters, a helpline and training of police and judges. ${ILLUSTRATIVE}`,
    status: 'IN_PROGRESS',
    startDate: '2023-01-01',
    dueDate: '2025-12-31',
    recommendationIds: [
      'A/HRC/43/15#121.37',
      'A/HRC/43/15#122.70',
      'A/HRC/43/15#122.101',
      'A/HRC/43/15#122.104',
    ],
    agencies: ['labour', 'justice'],
    progress: [
      { date: '2024-06-20', note: 'Resolution drafted; public consultation held.' },
      { date: '2025-11-05', note: 'Adoption delayed by budget negotiations.', status: 'BLOCKED' },
    ],
  },
  {
    title: 'Public awareness campaign against hate speech and intolerance',
    description: `A two-year campaign with schools and media. ${ILLUSTRATIVE}`,
    status: 'PLANNED',
    startDate: '2027-01-01',
    dueDate: '2028-12-31',
    recommendationIds: ['A/HRC/43/15#121.8', 'A/HRC/43/15#121.9', 'A/HRC/43/15#121.10'],
    agencies: ['communication'],
  },
  {
    title: 'Ratify the Istanbul Convention',
    description: `Slovenia ratified the Council of Europe Convention on preventing and combating violence against women and domestic violence on 5 February 2015. ${ILLUSTRATIVE}`,
    status: 'COMPLETED',
    startDate: '2014-06-01',
    dueDate: '2015-06-30',
    recommendationIds: ['A/HRC/28/15#115.18'],
    agencies: ['justice'],
    progress: [
      { date: '2015-02-05', note: 'Instrument of ratification deposited.', status: 'COMPLETED' },
    ],
  },
];

/**
 * Seeds the demo follow-up (once: it does nothing when Slovenia has actions already).
 * @returns how many actions it created
 */
export async function seedDemoFollowUp(ctx: DbContext, logger: Logger): Promise<number> {
  const summary = await followUpSummary(ctx, STATE);
  if (summary.actions > 0) return 0;
  const wctx = { ...ctx, viewer: DEMO };
  const agencyIds = new Map<string, string>();
  for (const [key, name] of Object.entries(AGENCIES)) {
    const agency = await createAgency(wctx, { state: STATE, name });
    agencyIds.set(key, agency.id);
  }
  for (const demo of DEMO_ACTIONS) {
    const action = await createAction(wctx, {
      state: STATE,
      title: demo.title,
      description: demo.description,
      status: demo.status === 'COMPLETED' ? 'IN_PROGRESS' : demo.status,
      startDate: demo.startDate,
      dueDate: demo.dueDate,
      recommendationIds: [...demo.recommendationIds],
      agencyIds: demo.agencies.map((a) => agencyIds.get(a)!),
    });
    for (const update of demo.progress ?? []) {
      await addProgressUpdate(wctx, {
        actionId: action.id,
        date: update.date,
        note: update.note,
        status: update.status ?? null,
      });
    }
    if (demo.indicator) {
      const indicator = await createIndicator(wctx, {
        actionId: action.id,
        name: demo.indicator.name,
        unit: demo.indicator.unit,
        baseline: demo.indicator.baseline,
        target: demo.indicator.target,
      });
      for (const value of demo.indicator.values) {
        await recordMeasurement(wctx, { indicatorId: indicator.id, ...value });
      }
    }
  }
  await recordAssessment(wctx, {
    recommendationId: 'A/HRC/28/15#115.18',
    assessorKind: 'STATE',
    assessor: 'Government of Slovenia (demo)',
    scale: 'UPR_SELF',
    grade: 'Implemented',
    date: '2017-06-30',
    note: ILLUSTRATIVE,
  });
  logger.info({ actions: DEMO_ACTIONS.length }, 'seeded the demo follow-up for Slovenia');
  return DEMO_ACTIONS.length;
}
