export * from './calendar';
export * from './evaluate';
export * from './fee';
export * from './notify';
export * from './pool';
export * from './popup';
export * from './stats';
export * from './types';
