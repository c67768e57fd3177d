// The umbrella module: `import UIMRouter` gives an embedding host, the CLI and the C interface the public API of
// every module of the pipeline (ARCHITECTURE.md), as the single module did before the split. Besides these
// re-exports it holds only the fuzzing SPI (`Fuzzing/`), which reaches into every layer.
@_exported import UIMRegex
@_exported import UIMRegistry
@_exported import UIMAutomata
@_exported import UIMRouting
@_exported import UIMRegistryTools
@_exported import UIMClassify
