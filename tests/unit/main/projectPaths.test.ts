import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectPaths, projectPathFromArgv } from '../../../main/launch/projectPaths';
import { secondInstancePath } from '../../../main/launch/secondInstance';

const cwd = path.resolve(path.sep, 'home', 'ana');

describe('projectPathFromArgv', () => {
  it('finds a .hotspot argument, resolving it against the working directory', () => {
    expect(projectPathFromArgv(['/opt/Hotspot Planner/hotspot-planner', 'plans/Leeds.HOTSPOT'], cwd)).toBe(path.join(cwd, 'plans', 'Leeds.HOTSPOT'));
    expect(projectPathFromArgv(['electron', '.', '--no-sandbox', '/data/p.hotspot'], cwd)).toBe(path.resolve('/data/p.hotspot'));
  });

  it('ignores the executable, switches and other files', () => {
    expect(projectPathFromArgv(['x.hotspot'], cwd)).toBeNull();
    expect(projectPathFromArgv(['exe', '--open=a.hotspot', 'a.csv', '.'], cwd)).toBeNull();
  });
});

describe('secondInstancePath', () => {
  it('prefers additionalData, falls back to argv, ignores junk', () => {
    const p = path.resolve('/data/p.hotspot');
    expect(secondInstancePath({ openPath: p }, ['exe'], cwd)).toBe(p);
    expect(secondInstancePath({ openPath: 'relative.hotspot' }, ['exe', 'q.hotspot'], cwd)).toBe(path.join(cwd, 'q.hotspot'));
    expect(secondInstancePath({ openPath: 5 }, ['exe'], cwd)).toBeNull();
    expect(secondInstancePath(null, ['exe', '/etc/passwd'], cwd)).toBeNull();
  });
});

describe('ProjectPaths', () => {
  it('knows the initial path, chosen paths and hands a pending path over once', () => {
    const paths = new ProjectPaths('/a/start.hotspot');
    expect(paths.initialPath()).toBe(path.normalize('/a/start.hotspot'));
    expect(paths.isKnown('/a/start.hotspot')).toBe(true);
    expect(paths.isKnown('/a/other.hotspot')).toBe(false);
    paths.setPending('/a/other.hotspot');
    expect(paths.isKnown('/a/x/../other.hotspot')).toBe(true);
    expect(paths.takePending()).toBe(path.normalize('/a/other.hotspot'));
    expect(paths.takePending()).toBeNull();
  });

  it('hands the start-up file over once (a reload does not reopen it over the user\'s work)', () => {
    const paths = new ProjectPaths('/a/start.hotspot');
    expect(paths.takeInitial()).toBe(path.normalize('/a/start.hotspot'));
    expect(paths.takeInitial()).toBeNull();
    // Still allowed for saving without a dialog.
    expect(paths.isKnown('/a/start.hotspot')).toBe(true);
  });
});
