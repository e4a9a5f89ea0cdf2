import { matchPipelineName } from '../../../../handlers/pipeline-status/pipeline-names';
import { sandboxPipelines } from '../../../../handlers/sandbox/sandbox-pipelines';

const NAMES = [...sandboxPipelines().keys()];

describe('matchPipelineName', () => {
  it.each([
    ['payments', 'payments-api'],
    ['the etl pipeline', 'data-lake-etl'],
    ['Payments API', 'payments-api'],
    ['data lake etl', 'data-lake-etl'],
    ['WEB_APP', 'web-app'],
    ['fleet svc 017', 'fleet-svc-017'],
  ])('finds "%s" as %s', (said, name) => {
    // Act
    const match = matchPipelineName(said, NAMES);
    // Assess
    expect(match).toEqual({ kind: 'found', name });
  });

  it('offers the candidates when several match', () => {
    // Act
    const match = matchPipelineName('fleet-svc-01', NAMES);
    // Assess
    expect(match).toEqual({
      kind: 'ambiguous',
      candidates: ['fleet-svc-010', 'fleet-svc-011', 'fleet-svc-012', 'fleet-svc-013', 'fleet-svc-014'],
    });
  });

  it('suggests close names for a typo, and nothing for an unrelated name', () => {
    // Act
    const typo = matchPipelineName('paymnets-api', NAMES);
    const unrelated = matchPipelineName('nope-pipeline', NAMES);
    // Assess
    expect(typo).toEqual({ kind: 'missing', suggestions: ['payments-api'] });
    expect(unrelated).toEqual({ kind: 'missing', suggestions: [] });
  });
});
