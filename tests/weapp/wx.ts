// `wx` as the app service sees it, generated from WeChat's API typings: every
// documented member exists and nothing else does. Asynchronous APIs answer on a
// later turn (never synchronously), with callbacks or, without callbacks, a
// Promise of the realm. Objects WeChat returns (OffscreenCanvas, Canvas,
// FileSystemManager, UploadTask, Image) are Proxies that refuse undocumented
// members. The platform rules that bite are enforced and reported.
import jpeg from 'jpeg-js';
import { context2d, imageBytes, imageSize, rasterise, type DrawOp } from './canvas';
import { membersOf, wxMembers, cloudMembers } from './typings';

type Obj = Record<string, unknown>;
type Impl = (opt: Obj) => Promise<Obj> | Obj;

/** What the simulator supplies to `wx`: the cloud, the files, the user's answers. */
export interface WxHost {
  appJson: { pages: string[]; subPackages?: Array<{ root: string; pages: string[] }>; requiredPrivateInfos?: string[] };
  readPackageFile(file: string): Buffer | null;
  /** A platform rule was broken: the simulator reports it as an error. */
  violation(message: string): void;
  /** Counts in-flight asynchronous work, so tests can wait for the app to settle. */
  busy(delta: number): void;
  realmPromise: PromiseConstructor;
  /** The realm's own Uint8Array: binary data handed to app code must pass its instanceof checks. */
  realmUint8Array: Uint8ArrayConstructor;
  inTap(): boolean;
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'navigateBack', url: string | number): void;
  selectNode(selector: string): { id: string; tag: string } | null;
  cloud: { url: string; openid: () => string };
  /** Template ids the deployment really has (mini-program console). */
  templateIds: string[];
  answers: {
    location: { latitude: number; longitude: number; accuracy: number };
    place: { name: string; address: string; latitude: number; longitude: number };
    media: Array<{ bytes: Buffer; name: string }>;
    messageFiles: Array<{ bytes: Buffer; name: string }>;
    modalConfirm: boolean;
    subscribe: 'accept' | 'reject';
  };
  log: {
    toasts: string[];
    modals: Array<{ title: string; content: string }>;
    subscribed: string[][];
    calls: Array<{ name: string; data: Obj }>;
    failures: string[];
    trace: string[];
  };
  /** Documented APIs removed, as on an older base library (negative controls). */
  without: Set<string>;
}

const LOCATION_APIS = new Set([
  'getLocation',
  'chooseLocation',
  'onLocationChange',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'choosePoi',
  'getFuzzyLocation',
  'chooseAddress',
]);

/** A Proxy that throws on members the typings do not document for `kind`. */
export function documented<T extends object>(kind: string, impl: T, host: WxHost, file = 'lib.wx.api.d.ts'): T {
  const members = membersOf(file, kind);
  return new Proxy(impl, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol') return Reflect.get(target, prop, receiver);
      // Probes the language itself makes (await's `then`, JSON's `toJSON`) see what a phone gives: nothing.
      if (prop === 'then' || prop === 'toJSON') return undefined;
      if (prop in Object.prototype) return Reflect.get(target, prop, receiver);
      if (!members.has(prop)) {
        host.violation(`${kind}.${prop} is not documented by WeChat`);
        throw new TypeError(`${kind}.${prop} is not a documented member of ${kind}`);
      }
      const value = Reflect.get(target, prop, receiver);
      if (value === undefined && !(prop in target)) {
        return () => {
          host.violation(`simulator gap: ${kind}.${prop} is documented but has no stand-in here`);
          throw new Error(`${kind}.${prop}: documented, but the simulator has no stand-in for it`);
        };
      }
      return value;
    },
    set(target, prop, value) {
      if (typeof prop === 'string' && !members.has(prop)) {
        host.violation(`${kind}.${prop} is not documented by WeChat`);
        throw new TypeError(`${kind}.${prop} is not a documented member of ${kind}`);
      }
      return Reflect.set(target, prop, value);
    },
  });
}

export function createWx(host: WxHost): { wx: Obj; files: Map<string, Buffer> } {
  const files = new Map<string, Buffer>();
  let fileSeq = 0;
  const tempPath = (ext: string) => `http://tmp/sim-${++fileSeq}.${ext}`;
  const readAny = (p: string): Buffer | null => files.get(p) ?? host.readPackageFile(p.replace(/^\//, ''));
  const storage = new Map<string, string>();
  const P = host.realmPromise;
  const toRealmBuffer = (b: Uint8Array): ArrayBuffer => {
    const out = new host.realmUint8Array(b.length);
    out.set(b);
    return out.buffer;
  };

  /** An asynchronous API: answers on a later turn; a Promise when called without callbacks. */
  const asyncApi =
    (name: string, impl: Impl, promisable: boolean) =>
    (opt: Obj = {}) => {
      const hasCallbacks = ['success', 'fail', 'complete'].some((k) => typeof opt[k] === 'function');
      const settle = new P<Obj>((resolve, reject) => {
        host.busy(1);
        setTimeout(() => {
          Promise.resolve()
            .then(() => impl(opt))
            .then(
              (res) => resolve({ errMsg: `${name}:ok`, ...res }),
              (e: unknown) => {
                const err =
                  e && typeof e === 'object' && 'errMsg' in e
                    ? (e as Obj)
                    : { errMsg: `${name}:fail ${e instanceof Error ? e.message : String(e)}` };
                host.log.failures.push(String(err.errMsg));
                reject(err);
              },
            )
            .finally(() => host.busy(-1));
        }, 0);
      });
      if (hasCallbacks || !promisable) {
        settle.then(
          (res) => {
            (opt.success as ((r: Obj) => void) | undefined)?.(res);
            (opt.complete as ((r: Obj) => void) | undefined)?.(res);
          },
          (err: Obj) => {
            (opt.fail as ((r: Obj) => void) | undefined)?.(err);
            (opt.complete as ((r: Obj) => void) | undefined)?.(err);
          },
        );
        return undefined;
      }
      return settle;
    };
  const fail = (name: string, msg: string, errCode?: number) => ({
    errMsg: `${name}:fail ${msg}`,
    ...(errCode !== undefined ? { errCode } : {}),
  });

  const cloudCall = async (name: string, data: Obj): Promise<Obj> => {
    host.log.calls.push({ name, data });
    const res = await fetch(`${host.cloud.url}/api/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Openid': host.cloud.openid() },
      body: JSON.stringify(data),
    });
    if (!res.ok && res.status >= 500) throw fail('cloud.callFunction', `errCode: -504002 functions execute fail (${res.status})`, -504002);
    return { result: await res.json(), requestID: `sim-${Date.now()}` };
  };

  // ------------------------------------------------------------ implementations
  const impls: Record<string, Impl> = {
    getLocation: () => ({
      ...host.answers.location,
      speed: 0,
      altitude: 0,
      verticalAccuracy: 0,
      horizontalAccuracy: host.answers.location.accuracy,
    }),
    chooseLocation: () => ({ ...host.answers.place }),
    openLocation: () => ({}),
    chooseMedia: (opt) => {
      const picked = host.answers.media.splice(0, Number(opt.count ?? 9));
      if (!picked.length) throw fail('chooseMedia', 'cancel');
      return {
        type: 'image',
        tempFiles: picked.map((f) => {
          const p = tempPath(f.name.split('.').pop() ?? 'jpg');
          files.set(p, f.bytes);
          const size = imageSize(f.bytes);
          return { tempFilePath: p, size: f.bytes.length, fileType: 'image', width: size?.width ?? 0, height: size?.height ?? 0 };
        }),
      };
    },
    chooseImage: (opt) => {
      const picked = host.answers.media.splice(0, Number(opt.count ?? 9));
      if (!picked.length) throw fail('chooseImage', 'cancel');
      const tempFiles = picked.map((f) => {
        const p = tempPath('jpg');
        files.set(p, f.bytes);
        return { path: p, size: f.bytes.length };
      });
      return { tempFilePaths: tempFiles.map((f) => f.path), tempFiles };
    },
    chooseMessageFile: (opt) => {
      const picked = host.answers.messageFiles.splice(0, Number(opt.count ?? 1));
      if (!picked.length) throw fail('chooseMessageFile', 'cancel');
      // WeChat lists only files with the extensions asked for: anything else cannot be picked.
      const allowed = Array.isArray(opt.extension) ? (opt.extension as string[]).map((e) => e.toLowerCase()) : null;
      if (allowed && picked.some((f) => !allowed.includes((f.name.split('.').pop() ?? '').toLowerCase())))
        throw fail('chooseMessageFile', 'cancel');
      return {
        tempFiles: picked.map((f) => {
          const p = tempPath(f.name.split('.').pop() ?? 'bin');
          files.set(p, f.bytes);
          return { path: p, name: f.name, size: f.bytes.length, type: 'file', time: Math.floor(Date.now() / 1000) };
        }),
      };
    },
    getImageInfo: (opt) => {
      const b = readAny(String(opt.src));
      const size = b && imageSize(b);
      if (!size) throw fail('getImageInfo', 'file not found or not an image');
      return { width: size.width, height: size.height, path: String(opt.src), orientation: 'up', type: size.type };
    },
    canvasToTempFilePath: (opt) => {
      const canvas = opt.canvas as { width?: number; height?: number; __canvasNode?: boolean } | undefined;
      // A <canvas type="2d"> node is the documented source; an OffscreenCanvas is not.
      if (!canvas || !canvasNodes.has(canvas as object)) throw fail('canvasToTempFilePath', 'canvas is not a <canvas type="2d"> node');
      const { width, height, ops } = canvasNodes.get(canvas as object)!;
      const quality = Math.round(Math.max(0, Math.min(1, Number(opt.quality ?? 1))) * 100);
      const type = opt.fileType === 'jpg' ? 'jpg' : 'png';
      if (type !== 'jpg') throw fail('canvasToTempFilePath', 'the simulator only exports jpg');
      const pixels = Buffer.alloc(width * height * 4);
      // Under what the page drew (canvas.ts), a gradient with light noise, so an
      // undrawn canvas still gives a file whose bytes change with quality.
      for (let i = 0, n = 0; i < pixels.length; i += 4, n++) {
        const x = n % width;
        const y = (n / width) | 0;
        const noise = (n * 2654435761) >>> 30;
        pixels[i] = (x * 255) / width + noise;
        pixels[i + 1] = (y * 255) / height + noise;
        pixels[i + 2] = 128 + noise;
        pixels[i + 3] = 255;
      }
      rasterise(pixels, width, height, ops);
      const out = jpeg.encode({ data: pixels, width, height }, quality).data;
      const p = tempPath('jpg');
      files.set(p, Buffer.from(out));
      return { tempFilePath: p };
    },
    requestSubscribeMessage: (opt) => {
      const ids = (opt.tmplIds as string[] | undefined) ?? [];
      const unknown = ids.filter((id) => !host.templateIds.includes(id));
      if (unknown.length) {
        host.violation(`requestSubscribeMessage with template ids the deployment does not have: ${unknown.join(', ')}`);
        throw fail('requestSubscribeMessage', 'No template data return, verify the template id exist', 20001);
      }
      host.log.subscribed.push(ids);
      return Object.fromEntries(ids.map((id) => [id, host.answers.subscribe]));
    },
    showToast: () => ({}),
    showModal: () => ({ confirm: host.answers.modalConfirm, cancel: !host.answers.modalConfirm }),
    showLoading: () => ({}),
    hideLoading: () => ({}),
    hideToast: () => ({}),
    setClipboardData: () => ({}),
    previewImage: () => ({}),
    pageScrollTo: () => ({}),
    stopPullDownRefresh: () => ({}),
    setNavigationBarTitle: () => ({}),
    getNetworkType: () => ({ networkType: 'wifi' }),
    openDocument: () => ({}),
    downloadFile: async (opt) => {
      const res = await fetch(String(opt.url));
      const p = tempPath('bin');
      files.set(p, Buffer.from(await res.arrayBuffer()));
      return { tempFilePath: p, statusCode: res.status };
    },
    navigateTo: (opt) => (host.navigate('navigateTo', String(opt.url)), {}),
    redirectTo: (opt) => (host.navigate('redirectTo', String(opt.url)), {}),
    reLaunch: (opt) => (host.navigate('reLaunch', String(opt.url)), {}),
    navigateBack: (opt) => (host.navigate('navigateBack', Number(opt.delta ?? 1)), {}),
    switchTab: () => {
      throw fail('switchTab', 'this app has no tabBar');
    },
    getStorage: (opt) => {
      if (!storage.has(String(opt.key))) throw fail('getStorage', 'data not found');
      return { data: JSON.parse(storage.get(String(opt.key))!) };
    },
    setStorage: (opt) => (storage.set(String(opt.key), JSON.stringify(opt.data)), {}),
    removeStorage: (opt) => (storage.delete(String(opt.key)), {}),
  };

  // Checks that run synchronously, when the app makes the call (as WeChat's do).
  const precheck: Record<string, (opt: Obj) => void> = {
    requestSubscribeMessage: () => {
      if (!host.inTap()) {
        host.violation('requestSubscribeMessage called outside a tap handler');
        throw fail('requestSubscribeMessage', 'can only be invoked by user TAP gesture.', 20003);
      }
    },
    showModal: (opt) => {
      for (const k of ['confirmText', 'cancelText']) {
        if (typeof opt[k] === 'string' && [...(opt[k] as string)].length > 4) {
          host.violation(`showModal ${k} "${opt[k]}" is longer than 4 characters`);
          throw fail('showModal', `${k} length should not larger than 4 Chinese characters`);
        }
      }
      host.log.modals.push({ title: String(opt.title ?? ''), content: String(opt.content ?? '') });
    },
    showToast: (opt) => {
      const title = String(opt.title ?? '');
      // With an icon WeChat shows at most 7 characters; without one, two short lines.
      const limit = opt.icon === 'none' ? 36 : 7;
      if ([...title].length > limit)
        host.violation(
          `showToast title "${title}" is cut by WeChat (more than ${limit} characters${opt.icon === 'none' ? '' : ' with an icon'})`,
        );
      host.log.toasts.push(title);
    },
  };

  // ------------------------------------------------------------ sync members
  const canvasNodes = new WeakMap<object, { width: number; height: number; ops: DrawOp[] }>();
  const makeImage = () => {
    const img: Obj = { width: 0, height: 0, onload: null, onerror: null, referrerPolicy: '' };
    let src = '';
    Object.defineProperty(img, 'src', {
      get: () => src,
      set: (v: string) => {
        src = v;
        host.busy(1);
        setTimeout(() => {
          host.busy(-1);
          const b = v.startsWith('data:')
            ? Buffer.from(v.split(',')[1] ?? '', 'base64')
            : (readAny(v) ?? host.readPackageFile(v.replace(/^\//, '')));
          const size = b && imageSize(b);
          if (size) {
            imageBytes.set(proxy, b);
            img.width = size.width;
            img.height = size.height;
            (img.onload as (() => void) | null)?.();
          } else (img.onerror as ((e: unknown) => void) | null)?.({ errMsg: `image load fail: ${v}` });
        }, 0);
      },
    });
    const proxy = documented('Image', img, host);
    return proxy;
  };
  const fsManager = documented(
    'FileSystemManager',
    {
      readFileSync(p: string, encoding?: string) {
        const b = readAny(p);
        if (!b) throw new Error(`readFileSync:fail no such file or directory, open ${p}`);
        if (encoding) return b.toString(encoding as BufferEncoding);
        return toRealmBuffer(b);
      },
      writeFileSync(p: string, data: string | ArrayBuffer, encoding?: string) {
        if (!p.startsWith(USER_DATA_PATH)) throw new Error(`writeFileSync:fail permission denied, open ${p}`);
        files.set(
          p,
          typeof data === 'string' ? Buffer.from(data, (encoding ?? 'utf8') as BufferEncoding) : Buffer.from(new Uint8Array(data)),
        );
      },
      accessSync(p: string) {
        if (!readAny(p)) throw new Error(`accessSync:fail no such file or directory ${p}`);
      },
      unlinkSync(p: string) {
        files.delete(p);
      },
      readFile(opt: Obj) {
        void asyncApi(
          'readFile',
          () => ({ data: fsManager.readFileSync(String(opt.filePath), opt.encoding as string | undefined) }),
          false,
        )(opt);
      },
      saveFile(opt: Obj) {
        void asyncApi(
          'saveFile',
          () => ({ savedFilePath: fsManager.saveFileSync(String(opt.tempFilePath), opt.filePath as string | undefined) }),
          false,
        )(opt);
      },
      saveFileSync(tempFilePath: string, filePath?: string) {
        const b = readAny(tempFilePath);
        if (!b) throw new Error(`saveFileSync:fail no such file or directory ${tempFilePath}`);
        const saved = filePath ?? `${USER_DATA_PATH}/saved-${++fileSeq}-${tempFilePath.split('/').pop()}`;
        files.set(saved, b);
        return saved;
      },
      removeSavedFile(opt: Obj) {
        void asyncApi('removeSavedFile', () => (files.delete(String(opt.filePath)), {}), false)(opt);
      },
      unlink(opt: Obj) {
        void asyncApi('unlink', () => (files.delete(String(opt.filePath)), {}), false)(opt);
      },
    },
    host,
  );
  const USER_DATA_PATH = 'http://usr';

  const sync: Record<string, (...args: never[]) => unknown> = {
    getStorageSync: (key: string) => (storage.has(key) ? JSON.parse(storage.get(key)!) : ''),
    setStorageSync: (key: string, data: unknown) => void storage.set(key, JSON.stringify(data)),
    removeStorageSync: (key: string) => void storage.delete(key),
    clearStorageSync: () => storage.clear(),
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    base64ToArrayBuffer: (s: string) => toRealmBuffer(Buffer.from(s, 'base64')),
    arrayBufferToBase64: (ab: ArrayBuffer) => Buffer.from(new Uint8Array(ab)).toString('base64'),
    getFileSystemManager: () => fsManager,
    createOffscreenCanvas: (opt: { type?: string; width?: number; height?: number } = {}) =>
      documented(
        'OffscreenCanvas',
        { width: opt.width ?? 300, height: opt.height ?? 150, getContext: () => context2d([]), createImage: makeImage },
        host,
      ),
    createSelectorQuery: () => {
      const wanted: Array<{ selector: string; fields: Obj; cb?: (r: unknown) => void }> = [];
      const query: Obj = {};
      const ref = (selector: string) =>
        documented(
          'NodesRef',
          {
            fields(fields: Obj, cb?: (r: unknown) => void) {
              wanted.push({ selector, fields, cb });
              return query;
            },
            node(cb?: (r: unknown) => void) {
              wanted.push({ selector, fields: { node: true }, cb });
              return query;
            },
            boundingClientRect(cb?: (r: unknown) => void) {
              wanted.push({ selector, fields: { rect: true, size: true }, cb });
              return query;
            },
          },
          host,
        );
      Object.assign(query, {
        in: () => query,
        select: (s: string) => ref(s),
        selectAll: (s: string) => ref(s),
        selectViewport: () => ref('viewport'),
        exec(cb?: (r: unknown[]) => void) {
          host.busy(1);
          setTimeout(() => {
            host.busy(-1);
            const results = wanted.map((w) => {
              const found = host.selectNode(w.selector);
              if (!found) return null;
              const r: Obj = { id: found.id, width: 300, height: 150, left: 0, top: 0, right: 300, bottom: 150 };
              if (w.fields.node && found.tag === 'canvas') r.node = canvasNode();
              w.cb?.(r);
              return r;
            });
            cb?.(results);
          }, 0);
        },
      });
      return documented('SelectorQuery', query, host);
    },
    getSystemInfoSync: () => ({
      platform: 'ios',
      system: 'iOS 17.0',
      SDKVersion: '3.7.0',
      windowWidth: 375,
      windowHeight: 667,
      screenWidth: 375,
      screenHeight: 812,
      pixelRatio: 3,
      statusBarHeight: 44,
      language: 'zh_CN',
      version: '8.0.50',
      model: 'iPhone',
      brand: 'Apple',
    }),
    getWindowInfo: () => ({
      windowWidth: 375,
      windowHeight: 667,
      screenWidth: 375,
      screenHeight: 812,
      pixelRatio: 3,
      statusBarHeight: 44,
      safeArea: { top: 44, bottom: 778, left: 0, right: 375, width: 375, height: 734 },
    }),
    getDeviceInfo: () => ({ platform: 'ios', system: 'iOS 17.0', model: 'iPhone', brand: 'Apple', pixelRatio: 3 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50', theme: 'light', enableDebug: false }),
    getSystemSetting: () => ({ locationEnabled: true, wifiEnabled: true, bluetoothEnabled: false }),
    getAppAuthorizeSetting: () => ({ locationAuthorized: 'authorized', cameraAuthorized: 'authorized', albumAuthorized: 'authorized' }),
    getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 }),
    getLaunchOptionsSync: () => ({ path: host.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} }),
    getEnterOptionsSync: () => ({ path: host.appJson.pages[0], query: {}, scene: 1001, referrerInfo: {} }),
    canIUse: () => true,
    nextTick: (fn: () => void) => void P.resolve().then(fn),
    onNetworkStatusChange: () => undefined,
    offNetworkStatusChange: () => undefined,
    onAppShow: () => undefined,
    offAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppHide: () => undefined,
    onError: () => undefined,
    onUnhandledRejection: () => undefined,
    onMemoryWarning: () => undefined,
    reportAnalytics: () => undefined,
    createAnimation: () => ({}),
  };
  function canvasNode(): unknown {
    const ops: DrawOp[] = [];
    const size = { width: 300, height: 150 };
    // Setting a canvas's size clears it, as on a phone. (`ops` is not documented: app code cannot reach it through the proxy.)
    const node = {
      get width() {
        return size.width;
      },
      set width(v: number) {
        size.width = v;
        ops.length = 0;
      },
      get height() {
        return size.height;
      },
      set height(v: number) {
        size.height = v;
        ops.length = 0;
      },
      ops,
      getContext: () => context2d(ops),
      createImage: makeImage,
      requestAnimationFrame: (f: () => void) => setTimeout(f, 16),
      cancelAnimationFrame: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
      toDataURL: () => 'data:image/png;base64,',
    };
    const proxy = documented('Canvas', node, host);
    canvasNodes.set(proxy, node);
    return proxy;
  }

  // ------------------------------------------------------------ wx.cloud
  let cloudEnv: unknown;
  const cloudImpls: Record<string, Impl> = {
    callFunction: async (opt) => {
      if (cloudEnv === undefined) throw fail('cloud.callFunction', 'please call wx.cloud.init first', -1);
      return cloudCall(String(opt.name), (opt.data as Obj) ?? {});
    },
    uploadFile: async () => ({}), // replaced below: it returns a task
    getTempFileURL: (opt) => ({
      fileList: ((opt.fileList as Array<string | { fileID: string }>) ?? []).map((f) => {
        const fileID = typeof f === 'string' ? f : f.fileID;
        return { fileID, tempFileURL: `${host.cloud.url}/api/storage?fileID=${encodeURIComponent(fileID)}`, status: 0 };
      }),
    }),
    downloadFile: async (opt) => {
      const res = await fetch(`${host.cloud.url}/api/storage?fileID=${encodeURIComponent(String(opt.fileID))}`, {
        headers: { 'X-Openid': host.cloud.openid() },
      });
      const p = tempPath('bin');
      files.set(p, Buffer.from(await res.arrayBuffer()));
      return { tempFilePath: p, statusCode: res.status };
    },
  };
  const cloud: Obj = {};
  for (const [name, m] of cloudMembers()) {
    if (name === 'init') cloud.init = (cfg: Obj = {}) => void (cloudEnv = cfg.env ?? 'default');
    else if (name === 'uploadFile') {
      cloud.uploadFile = (opt: Obj) => {
        const listeners: Array<(p: Obj) => void> = [];
        const run = asyncApi(
          'cloud.uploadFile',
          async () => {
            if (cloudEnv === undefined) throw fail('cloud.uploadFile', 'please call wx.cloud.init first', -1);
            const bytes = readAny(String(opt.filePath));
            if (!bytes) throw fail('cloud.uploadFile', `file not found: ${opt.filePath}`);
            const res = await fetch(`${host.cloud.url}/api/storage?cloudPath=${encodeURIComponent(String(opt.cloudPath))}`, {
              method: 'POST',
              headers: { 'X-Openid': host.cloud.openid() },
              body: new Uint8Array(bytes),
            });
            const body = (await res.json()) as { fileID?: string };
            if (!body.fileID) throw fail('cloud.uploadFile', JSON.stringify(body));
            for (const l of listeners) l({ progress: 100, totalBytesSent: bytes.length, totalBytesExpectedToSend: bytes.length });
            return { fileID: body.fileID, statusCode: 200 };
          },
          true,
        );
        const hasCallbacks = ['success', 'fail', 'complete'].some((k) => typeof opt[k] === 'function');
        const result = run(opt);
        if (!hasCallbacks) return result; // a Promise, as documented
        return documented(
          'UploadTask',
          {
            onProgressUpdate: (l: (p: Obj) => void) => void listeners.push(l),
            offProgressUpdate: () => undefined,
            abort: () => undefined,
            onHeadersReceived: () => undefined,
            offHeadersReceived: () => undefined,
          },
          host,
        );
      };
    } else if (cloudImpls[name]) cloud[name] = asyncApi(`cloud.${name}`, cloudImpls[name], true);
    else if (m.name) cloud[name] = undefined;
  }

  // ------------------------------------------------------------ wx
  const wx: Obj = {};
  const privateInfos = new Set(host.appJson.requiredPrivateInfos ?? []);
  for (const [name, m] of wxMembers()) {
    if (host.without.has(name)) continue;
    if (name === 'cloud') {
      wx.cloud = cloud;
      continue;
    }
    if (name === 'env') {
      wx.env = { USER_DATA_PATH };
      continue;
    }
    if (sync[name]) {
      const fn = sync[name] as (...a: unknown[]) => unknown;
      wx[name] = (...a: unknown[]) => (host.log.trace.push(name), fn(...a));
      continue;
    }
    const isAsync = m.promisable || impls[name] !== undefined;
    if (!isAsync) {
      wx[name] = () => {
        host.violation(`simulator gap: wx.${name} is documented but has no stand-in here`);
        throw new Error(`wx.${name}: documented, but the simulator has no stand-in for it`);
      };
      continue;
    }
    const impl: Impl =
      impls[name] ??
      (() => {
        throw fail(name, 'the simulator has no stand-in for this API');
      });
    const call = asyncApi(name, impl, m.promisable);
    wx[name] = (opt: Obj = {}) => {
      host.log.trace.push(name);
      if (LOCATION_APIS.has(name) && !privateInfos.has(name)) {
        host.violation(`wx.${name} is not declared in app.json requiredPrivateInfos`);
        return asyncApi(
          name,
          () => {
            throw fail(name, 'the api need to be declared in the requiredPrivateInfos field in app.json/ext.json');
          },
          m.promisable,
        )(opt);
      }
      try {
        precheck[name]?.(opt);
      } catch (e) {
        return asyncApi(
          name,
          () => {
            throw e;
          },
          m.promisable,
        )(opt);
      }
      return call(opt);
    };
  }
  return { wx, files };
}
