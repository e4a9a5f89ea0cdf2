import { plainCopy } from '../../../kernel/plain-copy';

describe('plainCopy', () => {
  it('copies nested objects and arrays so changing the copy never changes the original', () => {
    // Prepare
    const original = {
      intent: { name: 'PipelineStatus', slots: { pipelineName: { value: 'web-app' } } },
      tags: ['a'],
    };

    // Act
    const copied = plainCopy(original);
    copied.intent.slots.pipelineName.value = 'other';
    copied.tags.push('b');

    // Assess
    expect(original).toEqual({
      intent: { name: 'PipelineStatus', slots: { pipelineName: { value: 'web-app' } } },
      tags: ['a'],
    });
  });

  it('keeps undefined values and copies non-plain values (Dates, Maps) like structuredClone', () => {
    // Prepare
    const when = new Date('2026-11-23T08:00:00Z');
    const original = { missing: undefined, when, seen: new Map([['k', 1]]) };

    // Act
    const copied = plainCopy(original);

    // Assess
    expect(Object.hasOwn(copied, 'missing')).toBe(true);
    expect(copied.when).toEqual(when);
    expect(copied.when).not.toBe(when);
    expect(copied.seen).not.toBe(original.seen);
    expect(copied.seen.get('k')).toBe(1);
  });
});
