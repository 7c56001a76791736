// The JavaScript world of WeChat's app service: a fresh V8 context holding only
// the ECMAScript built-ins plus the globals WeChat defines, string code
// generation off (no eval / new Function, as on iOS and in the release runtime),
// and every file wrapped in WeChat's define() signature so that browser names
// (window, document, …) are parameters bound to undefined.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** The parameters WeChat's define() factory receives, in its order. */
const DEFINE_PARAMS = [
  'require',
  'module',
  'exports',
  'window',
  'document',
  'frames',
  'self',
  'location',
  'navigator',
  'localStorage',
  'history',
  'Caches',
  'screen',
  'alert',
  'confirm',
  'prompt',
  'XMLHttpRequest',
  'WebSocket',
  'Reporter',
  'webkit',
  'WeixinJSCore',
];

export interface Subpackage {
  root: string;
}

export interface RealmOptions {
  /** The built mini-program (dist/weapp). */
  dir: string;
  subpackages: Subpackage[];
  /** What WeChat puts on the global object (wx, App, Page, …). */
  globals: Record<string, unknown>;
}

type Factory = (...args: unknown[]) => void;

/** Compiled files, shared by every realm of the process: each simulator runs them afresh, but parses them once. */
const scripts = new Map<string, vm.Script>();
function compiled(abs: string, file: string): vm.Script {
  const key = `${abs}:${fs.statSync(abs).mtimeMs}`;
  let script = scripts.get(key);
  if (!script) {
    const wrapped = `(function(${DEFINE_PARAMS.join(', ')}) {${fs.readFileSync(abs, 'utf8')}\n})`;
    script = new vm.Script(wrapped, { filename: file });
    scripts.set(key, script);
  }
  return script;
}
interface Module {
  exports: unknown;
}

export class Realm {
  readonly context: vm.Context;
  private readonly modules = new Map<string, Module>();
  private readonly factories = new Map<string, Factory>();

  constructor(private readonly opts: RealmOptions) {
    this.context = vm.createContext({ ...opts.globals }, { name: 'weapp app service', codeGeneration: { strings: false, wasm: false } });
  }

  /** A global of the realm itself (its own Promise, Array, …), for values handed to app code. */
  intrinsic<T>(name: string): T {
    return vm.runInContext(name, this.context) as T;
  }

  /** Which package a file belongs to: a subpackage root, or '' for the main package. */
  packageOf(file: string): string {
    return this.opts.subpackages.find((p) => file.startsWith(`${p.root}/`))?.root ?? '';
  }

  /** define(path, factory): compiles a file of the build without running it. */
  private define(file: string): Factory {
    const known = this.factories.get(file);
    if (known) return known;
    const abs = path.join(this.opts.dir, file);
    if (!fs.existsSync(abs)) throw new Error(`module "${file}" is not defined`);
    const factory = compiled(abs, file).runInContext(this.context) as Factory;
    this.factories.set(file, factory);
    return factory;
  }

  /** Runs (once) a file of the build, as WeChat does for app.js, pages and components. */
  require(file: string, from?: string): unknown {
    const normalized = path.posix.normalize(file.endsWith('.js') ? file : `${file}.js`);
    if (normalized.startsWith('..')) throw new Error(`module "${normalized}" is not defined`);
    if (from !== undefined) {
      // A subpackage sees its own files and the main package; the main package sees only itself.
      const target = this.packageOf(normalized);
      const own = this.packageOf(from);
      if (target && target !== own) {
        throw new Error(
          `module "${normalized}" is not defined (required from "${from}": ${own ? `subpackage "${own}"` : 'the main package'} cannot require subpackage "${target}")`,
        );
      }
    }
    const cached = this.modules.get(normalized);
    if (cached) return cached.exports;
    const factory = this.define(normalized);
    const module: Module = { exports: {} };
    this.modules.set(normalized, module);
    const dir = path.posix.dirname(normalized);
    const localRequire = (spec: string) => {
      if (typeof spec !== 'string') throw new Error('require args is not a string');
      // WeChat's require resolves relative to the requiring file; a leading '/' is the package root.
      const target = spec.startsWith('/') ? spec.slice(1) : path.posix.join(dir, spec);
      return this.require(target, normalized);
    };
    factory(localRequire, module, module.exports);
    return module.exports;
  }
}
