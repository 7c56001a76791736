// `node dist/local-cloud/main.js`: the local cloud as a process (npm start, tests, bench).
import path from 'node:path';
import { startLocalCloud } from './server';

async function main(): Promise<void> {
  const root = process.cwd();
  const cloud = await startLocalCloud({
    port: Number(process.env.PORT ?? 10086),
    dataDir: path.resolve(root, process.env.DATA_DIR ?? '.data'),
    functionsDir: path.resolve(root, process.env.FUNCTIONS_DIR ?? 'dist/cloudfunctions'),
    h5Dir: path.resolve(root, process.env.H5_DIR ?? 'dist/h5'),
    now: process.env.LOCAL_NOW || undefined,
    timers: process.env.LOCAL_TIMERS !== 'off',
  });
  // Tests and scripts read this line to learn the port when PORT=0.
  console.log(`local cloud listening on ${cloud.url} (functions: ${cloud.runtime.functionNames().join(', ') || 'none'})`);
  const stop = () => void cloud.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error('本地云启动失败:', e);
  process.exit(1);
});
