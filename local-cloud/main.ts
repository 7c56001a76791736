// `node dist/local-cloud/main.js`: the local cloud as a process (npm start, tests, bench).
import path from 'node:path';
import { startLocalCloud } from './server';
import { StoreOpenError } from './store';

async function main(): Promise<void> {
  const root = process.cwd();
  const cloud = await startLocalCloud({
    port: Number(process.env.PORT ?? 10086),
    dataDir: path.resolve(root, process.env.DATA_DIR ?? '.data'),
    functionsDir: path.resolve(root, process.env.FUNCTIONS_DIR ?? 'dist/cloudfunctions'),
    h5Dir: path.resolve(root, process.env.H5_DIR ?? 'dist/h5'),
    now: process.env.LOCAL_NOW || undefined,
    timers: process.env.LOCAL_TIMERS !== 'off',
    sync: process.env.LOCAL_DB_SYNC === 'full' ? 'full' : 'normal',
    diskFullFlag: process.env.LOCAL_FAULT_DISK_FULL || undefined,
    deleteFailsFlag: process.env.LOCAL_FAULT_STORAGE_DELETE || undefined,
    dbLatencyMs: Number(process.env.LOCAL_DB_LATENCY_MS) || 0,
  });
  // Tests and scripts read this line to learn the port when PORT=0.
  console.log(`local cloud listening on ${cloud.url} (functions: ${cloud.runtime.functionNames().join(', ') || 'none'})`);
  const stop = () => void cloud.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  // A refused data directory is the operator's to fix: the message says how, a stack trace would only bury it.
  if (e instanceof StoreOpenError) console.error(`本地云启动失败：${e.message}`);
  else console.error('本地云启动失败:', e);
  process.exit(1);
});
