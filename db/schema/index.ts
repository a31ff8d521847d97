export * from './auth';
export * from './accounts';
export * from './numbers';
export * from './outbox';
export * from './porting';
export * from './notes';
export * from './lifecycle';
export * from './security';
