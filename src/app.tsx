import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import './app.css';
import './components/ui.css';
import './components/records.css';
import { startOutbox } from './lib/outbox';
import { markRoot } from './lib/care';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // In WeChat every call goes through the cloud SDK; h5 talks HTTP instead.
    if (process.env.TARO_ENV === 'weapp') Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
    // Check-ins and photos taken offline are sent now and whenever the network returns.
    startOutbox();
    // 关怀模式 as remembered (or as the phone's font size says).
    markRoot();
  });
  return children;
}

export default App;
