export const IPC_CHANNEL = 'selfeval:invoke';
