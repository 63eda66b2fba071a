// The same helper as the benchmark scripts use, kept under scripts/ because nothing there may import from test/.
export * from '../../scripts/lib/serve.ts';
