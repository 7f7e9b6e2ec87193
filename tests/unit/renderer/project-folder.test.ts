import { describe, expect, it } from 'vitest';
import { projectFolderPath } from '../../../renderer/src/features/start/projectFolder';

describe('where a new project goes', () => {
  it.each([
    ['/home/ana/Documents/Marginalia', 'Pilot study', '/home/ana/Documents/Marginalia/Pilot study.marginalia'],
    ['/home/ana/Documents/Marginalia/', '  Pilot  ', '/home/ana/Documents/Marginalia/Pilot.marginalia'],
    ['C:\\Users\\Ana\\Documents\\Marginalia', 'Pilot', 'C:\\Users\\Ana\\Documents\\Marginalia\\Pilot.marginalia'],
    ['/home/ana', 'Wave 1/2: "youth"', '/home/ana/Wave 1-2- -youth-.marginalia'],
    ['/home/ana', '../escape', '/home/ana/-escape.marginalia'],
    ['/home/ana', '', '/home/ana/Untitled.marginalia'],
  ])('%s + %j → %s', (location, name, path) => {
    expect(projectFolderPath(location, name)).toBe(path);
  });
});
