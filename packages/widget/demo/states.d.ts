export declare const states: ReadonlyArray<{ id: string; title: string; note: string; markup: string }>;
export declare const wireForms: (root: ParentNode) => void;
export declare const renderStates: (root: HTMLElement) => void;
