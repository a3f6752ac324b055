import { describe, expect, it } from 'vitest';
import { defaultVerb, deriveSpeakerId, matchPeople, personLabel } from '../../src/lib/speakers';

describe('deriveSpeakerId', () => {
  it('slugs the name', () => {
    expect(deriveSpeakerId('Jane Doe', [])).toBe('jane-doe');
    expect(deriveSpeakerId('  Jean-Yves   Le Drian ', [])).toBe('jean-yves-le-drian');
  });
  it('folds accents and special letters', () => {
    expect(deriveSpeakerId('Élise Ødegård', [])).toBe('elise-odegard');
    expect(deriveSpeakerId('Łukasz Straße', [])).toBe('lukasz-strasse');
    expect(deriveSpeakerId('Æsa Œuvre', [])).toBe('aesa-oeuvre');
  });
  it('keeps letters of other scripts', () => {
    expect(deriveSpeakerId('Сергей Лавров', [])).toBe('сергей-лавров');
  });
  it('is unique among the ids taken', () => {
    expect(deriveSpeakerId('Jane Doe', ['jane-doe'])).toBe('jane-doe-2');
    expect(deriveSpeakerId('Jane Doe', ['jane-doe', 'jane-doe-2'])).toBe('jane-doe-3');
    expect(deriveSpeakerId('Jane  DOE', new Set(['jane-doe']))).toBe('jane-doe-2');
  });
  it('never gives an empty id', () => {
    expect(deriveSpeakerId('!!!', [])).toBe('person');
    expect(deriveSpeakerId('', ['person'])).toBe('person-2');
  });
  it('caps the length without a trailing dash', () => {
    const id = deriveSpeakerId('a'.repeat(39) + ' b', []);
    expect(id.length).toBeLessThanOrEqual(40);
    expect(id.endsWith('-')).toBe(false);
  });
});

describe('speaker helpers', () => {
  it('gives the default verb per language', () => {
    expect(defaultVerb('en')).toBe('said');
    expect(defaultVerb('fr')).toBe('a déclaré');
  });
  it('labels people for pickers', () => {
    expect(personLabel({ name: 'Jane Doe', full: 'Secretary General Jane Doe' })).toBe('Jane Doe — Secretary General Jane Doe');
    expect(personLabel({ name: 'Jane Doe', role: 'the Chair' })).toBe('Jane Doe — the Chair');
    expect(personLabel({ name: 'Jane Doe' })).toBe('Jane Doe');
  });
});

describe('matchPeople (the capture picker)', () => {
  const people = [
    { name: 'Élise Ødegård', full: 'Foreign Minister Élise Ødegård', short: 'Ms Ødegård' },
    { name: 'Jonas Berg', full: 'Energy Commissioner Jonas Berg', short: 'Mr Berg', role: 'the Commissioner' },
  ];
  it('finds by any word of the name, full or short form, role, accents and case aside', () => {
    expect(matchPeople(people, 'elise').map((p) => p.name)).toEqual(['Élise Ødegård']);
    expect(matchPeople(people, 'ENERGY').map((p) => p.name)).toEqual(['Jonas Berg']);
    expect(matchPeople(people, 'commissioner berg').map((p) => p.name)).toEqual(['Jonas Berg']);
    expect(matchPeople(people, 'minister').map((p) => p.name)).toEqual(['Élise Ødegård']);
  });
  it('keeps everyone for nothing typed, and no one for a name nobody has', () => {
    expect(matchPeople(people, '  ')).toEqual(people);
    expect(matchPeople(people, 'Ana Lopes')).toEqual([]);
  });
});
