// The OpenAPI 3.1 description of the open-data API, served at GET /api/v1/openapi.json. Response
// schemas are JSON Schema 2020-12 (what OpenAPI 3.1 uses); the integration test checks the
// answers of the endpoints against them, so the document and the code cannot drift apart.
import { CycleState, EntityKind, EvidenceKind, ImplementationStatus, RegionalGroup, WorkflowState } from '@/lib/generated/prisma/enums';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, REPORT_STATES } from './queries';
import { PUBLIC_MAX_AGE_SECONDS } from './respond';

// ---------------------------------------------------------------------------------------------
// The part of OpenAPI 3.1 this document uses.

export type JsonSchema = {
  $ref?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | ('string' | 'number' | 'integer' | 'null')[];
  description?: string;
  format?: 'date' | 'date-time' | 'uri-reference';
  pattern?: string;
  enum?: readonly (string | null)[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  oneOf?: readonly JsonSchema[];
  examples?: readonly unknown[];
};

type Header = { description: string; schema: JsonSchema };
type Reference = { $ref: string };

export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  description: string;
  required?: boolean;
  schema: JsonSchema;
  example?: unknown;
};

type MediaType = { schema: JsonSchema; example?: unknown };

export type ResponseObject = {
  description: string;
  headers?: Record<string, Header | Reference>;
  content?: Record<string, MediaType>;
};

export type Operation = {
  operationId: string;
  summary: string;
  description: string;
  tags: readonly string[];
  parameters?: readonly (Parameter | Reference)[];
  responses: Record<string, ResponseObject | Reference>;
};

export type OpenApiDocument = {
  openapi: '3.1.0';
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string; license?: { name: string; identifier?: string; url?: string } };
  servers: readonly { url: string; description?: string }[];
  tags: readonly { name: string; description: string }[];
  paths: Record<string, { get: Operation }>;
  components: {
    schemas: Record<string, JsonSchema>;
    parameters: Record<string, Parameter>;
    headers: Record<string, Header>;
    responses: Record<string, ResponseObject>;
  };
};

// ---------------------------------------------------------------------------------------------

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string): Reference => ({ $ref: `#/components/responses/${name}` });
const parameter = (name: string): Reference => ({ $ref: `#/components/parameters/${name}` });
const header = (name: string): Reference => ({ $ref: `#/components/headers/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ oneOf: [schema, { type: 'null' }] });
const object = (properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: 'object', ...(description ? { description } : {}), properties, required: Object.keys(properties),
});
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

const DISTRIBUTION_KEYS = [...Object.values(ImplementationStatus), 'NO_REPORT'] as const;

/** The answers every endpoint may give besides its own. */
const commonResponses = {
  '304': response('NotModified'),
  '429': response('TooManyRequests'),
  '500': response('ServerError'),
} as const;

const cachedOk = (description: string, schema: JsonSchema): ResponseObject => ({
  description,
  headers: { 'Cache-Control': header('Cache-Control'), ETag: header('ETag') },
  content: json(schema),
});

export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
  info: {
    title: 'Drug-policy commitments tracker: open data API',
    version: '1.0.0',
    description: [
      'Read-only JSON about how Member States and UN entities implement international drug-policy commitments:',
      'the thematic areas, the reporting cycles, the published summaries per thematic area and the status reports behind them.',
      '',
      '**Who sees what.** Anonymous callers (and viewers) get only what the secretariat has published: the summaries as frozen',
      'when a cycle was published, and the status reports that were accepted by then. Signed-in secretariat staff get live data,',
      'planned and unpublished cycles, and reports in any workflow state when they ask; a focal point gets the published data plus',
      'the reports of their own entity. Signed-in calls use the session cookie of the web application.',
      '',
      `**Caching.** Anonymous answers carry \`Cache-Control: public, max-age=${PUBLIC_MAX_AGE_SECONDS}\` and a strong \`ETag\`;`,
      'send it back in `If-None-Match` to get `304 Not Modified` when nothing changed. Answers to signed-in callers are',
      '`Cache-Control: private, no-store`.',
      '',
      '**Rate limit.** 600 requests a minute per client unless the operator set another limit (per account when',
      'signed in, else per network address). Beyond it the answer is `429` with a `Retry-After` header and a message saying how long to wait.',
      '',
      '**Errors** are `{ "message": "..." }` in words: `400` for a malformed or unknown parameter, `403` for a request the caller',
      'may not make, `404` for a code that names nothing the caller may see.',
      '',
      '**Codes.** Thematic areas go by code (`TA1`…`TA7`, sub-areas such as `TA3.2`), cycles by their code (such as `2026`),',
      'reporting entities by ISO 3166 alpha-3 code (States, such as `MEX`) or acronym (organizations, such as `UNODC`),',
      'instruments by code (such as `UNGASS2016`). Codes are matched exactly (case matters).',
    ].join('\n'),
  },
  servers: [{ url: '/', description: 'This site' }],
  tags: [
    { name: 'catalogue', description: 'Thematic areas and reporting cycles.' },
    { name: 'summaries', description: 'Progress summaries per thematic area and cycle.' },
    { name: 'status reports', description: 'The reports of each entity on each commitment.' },
    { name: 'meta', description: 'This description.' },
  ],
  paths: {
    '/api/v1/thematic-areas': {
      get: {
        operationId: 'listThematicAreas',
        summary: 'The thematic areas',
        description: 'The seven UNGASS 2016 chapters (`TA1`…`TA7`) and their sub-areas, each chapter followed by its sub-areas, in the order of the outcome document.',
        tags: ['catalogue'],
        responses: {
          '200': cachedOk('The thematic areas.', object({ data: { type: 'array', items: ref('ThematicArea') } })),
          '400': response('BadRequest'),
          ...commonResponses,
        },
      },
    },
    '/api/v1/cycles': {
      get: {
        operationId: 'listCycles',
        summary: 'The reporting cycles',
        description: 'The reporting cycles, oldest first. Anonymous callers and viewers see the open and closed ones; planned cycles are listed for the secretariat and focal points. `published` tells whether the summaries of the cycle are published (and so readable by anyone).',
        tags: ['catalogue'],
        responses: {
          '200': cachedOk('The reporting cycles.', object({ data: { type: 'array', items: ref('Cycle') } })),
          '400': response('BadRequest'),
          ...commonResponses,
        },
      },
    },
    '/api/v1/summaries/{areaCode}': {
      get: {
        operationId: 'getSummary',
        summary: 'The summary of a thematic area in a cycle',
        description: [
          'The progress of a thematic area (a chapter includes its sub-areas) in a cycle: accepted statuses per status and the expected items',
          'nobody reported on (`NO_REPORT`), how many expected entities reported, the progress index (the mean weight of the accepted',
          'statuses: not started 0, in progress 1/3, substantially implemented 2/3, fully implemented 1; not applicable and no report left out;',
          'null when nothing counts), the same per UN regional group and per commitment, and the trend across cycles.',
          '',
          'Anonymous callers get the latest published version of the cycle\'s summary, and `404` for a cycle never published.',
          'Secretariat staff get the live figures, or the published ones with `version=published`. More fields may follow.',
        ].join('\n'),
        tags: ['summaries'],
        parameters: [
          { name: 'areaCode', in: 'path', required: true, description: 'A thematic area code, such as `TA1` or `TA3.2`.', schema: { type: 'string' }, example: 'TA1' },
          { name: 'cycle', in: 'query', required: true, description: 'A cycle code (see `GET /api/v1/cycles`).', schema: { type: 'string' }, example: '2026' },
          {
            name: 'version', in: 'query', required: false,
            description: 'For the secretariat: `published` for the figures as published instead of the live ones. Anonymous callers always get the published ones.',
            schema: { type: 'string', enum: ['published'] },
          },
        ],
        responses: {
          '200': cachedOk('The summary.', ref('AreaSummary')),
          '400': response('BadRequest'),
          '404': response('NotFound'),
          ...commonResponses,
        },
      },
    },
    '/api/v1/status-reports': {
      get: {
        operationId: 'listStatusReports',
        summary: 'Status reports, a page at a time',
        description: [
          'The status reports the caller may read, in ascending order of id, a page at a time: pass the `nextCursor` of a page as',
          '`cursor` to get the next one, until `nextCursor` is null. Every report appears exactly once in the walk, even while others',
          'are added. Anonymous callers get the accepted reports of published cycles as published (a report accepted after the cycle was',
          'published appears when the secretariat publishes again). The thematic area of a report is its commitment\'s current one.',
          'An unknown (or, for the caller, invisible) cycle, area or entity code is a `404`; a known one with nothing visible gives an empty page.',
        ].join('\n'),
        tags: ['status reports'],
        parameters: [parameter('cycle'), parameter('area'), parameter('entity'), parameter('state'), parameter('cursor'), parameter('limit')],
        responses: {
          '200': cachedOk('A page of status reports.', ref('StatusReportPage')),
          '400': response('BadRequest'),
          '403': response('Forbidden'),
          '404': response('NotFound'),
          ...commonResponses,
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This description',
        description: 'The OpenAPI 3.1 document describing every endpoint of the open-data API.',
        tags: ['meta'],
        responses: {
          '200': cachedOk('The OpenAPI document.', { type: 'object', description: 'An OpenAPI 3.1 document.' }),
          ...commonResponses,
        },
      },
    },
  },
  components: {
    schemas: {
      LocalizedText: {
        type: 'object',
        description: 'A text per locale (BCP 47 code): `en` always, `zh` and other UN languages where translated.',
        additionalProperties: { type: 'string' },
        examples: [{ en: '2026 reporting cycle', zh: '2026年报告周期' }],
      },
      ThematicArea: object({
        code: { type: 'string', examples: ['TA3.2'] },
        parent: { type: ['string', 'null'], description: 'The code of the chapter a sub-area belongs to; null for a chapter.' },
        title: ref('LocalizedText'),
      }),
      CycleState: { type: 'string', enum: Object.values(CycleState), description: 'PLANNED: being prepared; OPEN: taking reports; CLOSED: past its deadline.' },
      Cycle: object({
        code: { type: 'string', examples: ['2026'] },
        name: ref('LocalizedText'),
        period: object({ start: { type: 'string', format: 'date' }, end: { type: 'string', format: 'date' } }, 'The period the reports describe (YYYY-MM-DD).'),
        deadline: { type: 'string', format: 'date-time', description: 'When submissions close (UTC).' },
        state: ref('CycleState'),
        published: { type: 'boolean', description: 'Whether the cycle\'s summaries are published.' },
      }),
      ImplementationStatus: { type: 'string', enum: Object.values(ImplementationStatus) },
      WorkflowState: { type: 'string', enum: Object.values(WorkflowState), description: 'DRAFT → SUBMITTED → ACCEPTED, or SUBMITTED → RETURNED → SUBMITTED. Only accepted reports are public.' },
      EntityKind: { type: 'string', enum: Object.values(EntityKind) },
      RegionalGroup: { type: 'string', enum: Object.values(RegionalGroup), description: 'The five United Nations regional groups of Member States.' },
      ProgressIndex: {
        type: ['number', 'null'], minimum: 0, maximum: 1,
        description: 'The mean weight of the accepted statuses (0, 1/3, 2/3, 1; not applicable and no report left out); null when nothing counts.',
      },
      Distribution: {
        type: 'object',
        description: 'Accepted reports per status, and NO_REPORT: the expected items without an accepted report.',
        properties: Object.fromEntries(DISTRIBUTION_KEYS.map((key) => [key, { type: 'integer', minimum: 0 }])),
        required: DISTRIBUTION_KEYS,
      },
      AreaSummary: {
        type: 'object',
        description: 'More fields may follow.',
        properties: {
          area: object({ code: { type: 'string' }, title: ref('LocalizedText') }),
          cycle: object({ code: { type: 'string' }, published: { type: 'boolean' } }),
          entities: object({
            expected: { type: 'integer', minimum: 0, description: 'Entities the cycle expects a report from.' },
            reporting: { type: 'integer', minimum: 0, description: 'Of those, the ones with at least one accepted report in the area.' },
            memberStatesExpected: { type: 'integer', minimum: 0 },
            memberStatesReporting: { type: 'integer', minimum: 0 },
          }),
          distribution: ref('Distribution'),
          progressIndex: ref('ProgressIndex'),
          byRegionalGroup: { type: 'array', items: object({ group: ref('RegionalGroup'), distribution: ref('Distribution'), progressIndex: ref('ProgressIndex') }) },
          commitments: {
            type: 'array',
            items: object({
              reference: { type: 'string', description: 'As people cite it, such as "1(a)".' },
              instrument: { type: 'string', description: 'The instrument code.' },
              distribution: ref('Distribution'),
              progressIndex: ref('ProgressIndex'),
            }),
          },
          trend: { type: 'array', description: 'The progress index of the area in each cycle, oldest first.', items: object({ cycle: { type: 'string' }, progressIndex: ref('ProgressIndex') }) },
        },
        required: ['area', 'cycle', 'entities', 'distribution', 'progressIndex', 'byRegionalGroup', 'commitments', 'trend'],
      },
      Evidence: {
        type: 'object',
        description: 'What a report rests on: a paragraph of an imported document, a web page or a file.',
        properties: {
          kind: { type: 'string', enum: Object.values(EvidenceKind) },
          citation: { type: 'string', description: 'For a paragraph: its citation, such as "A/74/129, para. 25".' },
          url: {
            type: 'string', format: 'uri-reference',
            description: 'For a web page, its address; for a paragraph, its page on this site; for a file, its download on this site (signed-in readers of the report only).',
          },
          title: { type: 'string', description: 'The page\'s or document\'s title, or the file\'s name.' },
        },
        required: ['kind'],
        additionalProperties: false,
      },
      StatusReport: object({
        id: { type: 'string' },
        cycle: { type: 'string', description: 'The cycle code.' },
        entity: object({ code: { type: 'string' }, kind: ref('EntityKind'), regionalGroup: nullable(ref('RegionalGroup')) }),
        commitment: object({
          instrument: { type: 'string', description: 'The instrument code.' },
          reference: { type: 'string' },
          area: { type: 'string', description: 'The thematic area code.' },
        }),
        state: ref('WorkflowState'),
        status: nullable(ref('ImplementationStatus')),
        asOf: { type: ['string', 'null'], format: 'date', description: 'The date the status describes.' },
        narrative: { type: 'string' },
        submittedAt: { type: ['string', 'null'], format: 'date-time' },
        reviewedAt: { type: ['string', 'null'], format: 'date-time' },
        evidence: { type: 'array', items: ref('Evidence') },
      }),
      StatusReportPage: object({
        data: { type: 'array', items: ref('StatusReport') },
        nextCursor: { type: ['string', 'null'], description: 'The `cursor` of the next page; null on the last page.' },
      }),
      Error: object({ message: { type: 'string', description: 'What went wrong, in words.' } }),
    },
    parameters: {
      cycle: { name: 'cycle', in: 'query', description: 'Only the reports of this cycle (a cycle code).', schema: { type: 'string' }, example: '2026' },
      area: { name: 'area', in: 'query', description: 'Only the reports on commitments of this thematic area or of its sub-areas.', schema: { type: 'string' }, example: 'TA1' },
      entity: { name: 'entity', in: 'query', description: 'Only the reports of this entity (ISO 3166 alpha-3 code or acronym).', schema: { type: 'string' }, example: 'MEX' },
      state: {
        name: 'state', in: 'query',
        description: 'The workflow state of the reports (ACCEPTED when left out). Other states are for the secretariat, and for focal points (their own entity\'s reports); anyone else gets a 403.',
        schema: { type: 'string', enum: REPORT_STATES },
      },
      cursor: { name: 'cursor', in: 'query', description: 'The `nextCursor` of the previous page, unchanged; leave it out for the first page.', schema: { type: 'string' } },
      limit: {
        name: 'limit', in: 'query', description: `Reports per page (${DEFAULT_PAGE_SIZE} when left out).`,
        schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
      },
    },
    headers: {
      'Cache-Control': { description: `\`public, max-age=${PUBLIC_MAX_AGE_SECONDS}\` for anonymous callers, \`private, no-store\` for signed-in ones.`, schema: { type: 'string' } },
      ETag: { description: 'A strong validator of the body (anonymous callers): send it in If-None-Match to get 304 when nothing changed.', schema: { type: 'string' } },
      'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } },
    },
    responses: {
      NotModified: { description: 'Nothing changed since the ETag sent in If-None-Match.', headers: { ETag: header('ETag'), 'Cache-Control': header('Cache-Control') } },
      BadRequest: { description: 'A malformed or unknown parameter; the message says which and why.', content: json(ref('Error')) },
      Forbidden: { description: 'A request the caller may not make; the message says why.', content: json(ref('Error')) },
      NotFound: { description: 'A code that names nothing the caller may see.', content: json(ref('Error')) },
      TooManyRequests: {
        description: 'Over the rate limit: "Too many requests: try again in N seconds."',
        headers: { 'Retry-After': header('Retry-After') },
        content: json(ref('Error')),
      },
      ServerError: { description: 'Something went wrong on the server; the message says nothing more.', content: json(ref('Error')) },
    },
  },
};
