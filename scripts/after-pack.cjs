// Flips Electron's fuses in the packaged binary: no ELECTRON_RUN_AS_NODE, no NODE_OPTIONS, no
// --inspect, encrypted cookies, asar integrity checked, and the app only loads from app.asar.
const { join } = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

exports.default = async function afterPack(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  const exe =
    electronPlatformName === 'win32'
      ? join(appOutDir, `${name}.exe`)
      : electronPlatformName === 'darwin'
        ? join(appOutDir, `${name}.app`)
        : join(appOutDir, packager.executableName);
  await flipFuses(exe, {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: electronPlatformName === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
};
