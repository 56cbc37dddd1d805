import type { Db } from '../db/open.ts';

// What every handler gets: the one database connection of this process and facts about it.
export interface ServiceContext {
  db: Db;
  dataFile: string;
  appVersion: string;
  transport: 'ipc' | 'http' | 'cli' | 'direct';
}
