// The project service keeps one module-resolution cache per project across the programs its
// language service builds: an edit must not read every package.json again (that was most of an
// edit's time on a real repository), and the edited program must still be the edited text's.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { ProjectService, type Overlay } from '../../server/src/engine/project-service';
import type { ProjectHost } from '../../server/src/engine/project';

function project(): { root: string; file: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'wsclose-project-service-'));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'p', type: 'module' }));
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true }, include: ['src'] }));
  fs.mkdirSync(path.join(root, 'src', 'lib'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'lib', 'package.json'), JSON.stringify({ type: 'commonjs' }));
  fs.writeFileSync(path.join(root, 'src', 'lib', 'codes.ts'), 'export const CODE = 4000;\n');
  const file = path.join(root, 'src', 'main.ts');
  fs.writeFileSync(file, "import { CODE } from './lib/codes.js';\nexport const code = CODE;\n");
  return { root, file };
}

describe('project service', () => {
  it('an edit builds a new program without reading the package.json files again', () => {
    const { root, file } = project();
    const reads: string[] = [];
    const disk: ProjectHost = { ...ts.sys, readFile: (name, encoding) => (reads.push(name), ts.sys.readFile(name, encoding)) };
    let document = { version: 1, text: fs.readFileSync(file, 'utf8') };
    const overlay: Overlay = { get: (name) => (name === file ? { version: document.version, getText: () => document.text } : undefined), openFiles: () => [file] };
    const service = new ProjectService(overlay, { info: () => {}, error: () => {} }, () => [root], disk);
    try {
      const first = service.programFor(file).program!;
      const packageReads = () => reads.filter((name) => path.basename(name) === 'package.json').length;
      const readBefore = packageReads();
      assert.ok(readBefore > 0, 'the first program reads the package.json files (module formats)');

      document = { version: 2, text: `${document.text}export const other = CODE + 1;\n` };
      service.documentsChanged();
      const second = service.programFor(file).program!;
      assert.notEqual(second, first);
      assert.match(second.getSourceFile(file)!.text, /other = CODE \+ 1/);
      assert.equal(packageReads(), readBefore, 'no package.json read again for the edit');
      // The formats the cached lookups gave are the ones a fresh program computes.
      const formats = (program: ts.Program) => program.getSourceFiles().filter((f) => !f.isDeclarationFile).map((f) => [f.fileName, f.impliedNodeFormat]);
      assert.deepEqual(formats(second), formats(first));
      assert.deepEqual(formats(second).map(([, format]) => format), [ts.ModuleKind.CommonJS, ts.ModuleKind.ESNext]);
    } finally {
      service.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('sorts file-watcher events: what rebuilds projects, what bumps a closed file, what drops configs, what is ignored', () => {
    const { root, file } = project();
    const codes = path.join(root, 'src', 'lib', 'codes.ts');
    const overlay: Overlay = { get: (name) => (name === file ? { version: 1, getText: () => fs.readFileSync(file, 'utf8') } : undefined), openFiles: () => [file] };
    const service = new ProjectService(overlay, { info: () => {}, error: () => {} }, () => [root], ts.sys);
    try {
      const program = () => service.programFor(file).program!;
      const first = program();
      const changed = (name: string, kind: 'created' | 'changed' | 'deleted' = 'changed') => service.filesChanged([{ file: path.join(root, name), kind }]);

      assert.deepEqual(changed('README.md'), { relevant: false, configs: false });
      assert.equal(program(), first, 'an unrelated file keeps the program');
      assert.deepEqual(changed('src/main.ts'), { relevant: true, configs: false });
      assert.equal(program(), first, 'an open document is the overlay\'s: its disk events change nothing');

      fs.writeFileSync(codes, 'export const CODE = 4001;\n');
      assert.deepEqual(service.filesChanged([{ file: codes, kind: 'changed' }]), { relevant: true, configs: false });
      const second = program();
      assert.notEqual(second, first);
      assert.match(second.getSourceFile(codes)!.text, /4001/);

      assert.deepEqual(changed('wsclose.config.json'), { relevant: true, configs: true });
      assert.equal(program(), second, 'a wsclose config leaves the program alone');
      assert.deepEqual(changed('src/types.d.ts', 'created'), { relevant: true, configs: false });
      const third = program();
      assert.notEqual(third, second, 'a created declaration file rebuilds the projects');
      assert.deepEqual(changed('tsconfig.json'), { relevant: true, configs: true });
      assert.notEqual(program(), third, 'a tsconfig change rebuilds the projects');
    } finally {
      service.dispose();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
