import { app, type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

export function buildChineseMenu(getWindow: () => BrowserWindow | null, dataFile: string, version: string): Menu {
  const template: MenuItemConstructorOptions[] = [
    { label: '文件', submenu: [{ label: '退出', accelerator: 'CmdOrCtrl+Q', click: () => app.quit() }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于',
          click: () => {
            const win = getWindow();
            const opts = {
              type: 'info' as const,
              title: '关于',
              message: `部门整体支出绩效自评 SelfEval Desk ${version}`,
              detail: `数据文件：${dataFile}\n本程序完全离线运行，数据只保存在本机。`,
            };
            void (win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts));
          },
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
