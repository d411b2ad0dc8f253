import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { enumOf, graphqlEnum } from './enums.js';

const COLOURS = ['RED', 'GREEN'] as const;

describe('enumOf', () => {
  it('makes each code its own value', () => {
    expect(enumOf(COLOURS)).toStrictEqual({ RED: 'RED', GREEN: 'GREEN' });
  });
});

describe('graphqlEnum', () => {
  it('registers the enum with its description and one per value', () => {
    const ColourEnum = graphqlEnum(COLOURS, {
      name: 'TestColour',
      description: 'A colour.',
      values: { RED: 'Red.', GREEN: 'Green.' },
    });
    expect(ColourEnum).toStrictEqual({ RED: 'RED', GREEN: 'GREEN' });
    const storage = getMetadataStorage() as unknown as {
      enums: { enumObj: object; name: string; description?: string; valuesConfig: object }[];
    };
    const registered = storage.enums.find((e) => e.enumObj === ColourEnum);
    expect(registered).toMatchObject({
      name: 'TestColour',
      description: 'A colour.',
      valuesConfig: { RED: { description: 'Red.' }, GREEN: { description: 'Green.' } },
    });
  });

  it('does not compile with a value left undescribed', () => {
    // @ts-expect-error -- GREEN has no description
    const values: Readonly<Record<(typeof COLOURS)[number], string>> = { RED: 'Red.' };
    expect(values).toStrictEqual({ RED: 'Red.' });
  });
});
