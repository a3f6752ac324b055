import { describe, expect, it } from 'vitest';
import { defaultVerb, deriveSpeakerId, personLabel } from '../../src/lib/speakers';

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
