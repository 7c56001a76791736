// The hidden <canvas type="2d"> that src/lib/stamp.ts draws photos on in WeChat:
// exporting a canvas node through wx.canvasToTempFilePath is the documented way
// to get a JPEG out of a 2d canvas. Render it on every page that stamps photos.
// h5 stamps on a detached HTMLCanvasElement and needs nothing here.
import { Canvas } from '@tarojs/components';
import { STAMP_CANVAS_ID } from '../lib/stamp';

export function StampCanvas() {
  if (process.env.TARO_ENV !== 'weapp') return null;
  // Off screen but laid out: a canvas node's pixel size is set by the code, not by CSS.
  return <Canvas type='2d' id={STAMP_CANVAS_ID} style={{ position: 'fixed', left: '-10000px', top: '0', width: '10px', height: '10px' }} />;
}
