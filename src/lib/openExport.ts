// Opens an exported file (Excel) the way each platform can: WeChat downloads it
// and opens the document viewer; the browser saves it under its name.
import Taro from '@tarojs/taro';

export async function openExport(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFilePath } = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true } as never);
    return;
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
