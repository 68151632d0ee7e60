// Option lists loaded from Keitaro (ILoadOptionsFunctions → INodePropertyOptions[]).
export {};
