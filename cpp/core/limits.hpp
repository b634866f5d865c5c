// Every documented bound of the scenario contract lives here, so docs/scenario.md,
// the validator and the tests quote one source.
#pragma once

namespace optlab::limits {

inline constexpr int kMaxSteps = 20000;          // steps ∈ [0, kMaxSteps]
inline constexpr int kMaxDim = 10;               // problem dimension ∈ [1, kMaxDim]
inline constexpr int kMaxExamples = 10000;       // n of a finite sum ∈ [1 or 2, kMaxExamples]
inline constexpr long kMaxBatchSteps = 2000000;  // batch × steps (size of `batches`)
inline constexpr double kMaxAbsInput = 1e6;      // |w0_i|, |c_i|, |A_ij|, |X_ij|, |y_i|, a, lr, …
inline constexpr double kMaxNoise = 1e3;         // gradient-noise σ and data noise
inline constexpr double kMaxCondition = 1e6;     // least_squares.condition
inline constexpr double kMaxSpread = 100.0;      // double_well.spread
inline constexpr double kMaxTilt = 0.38;         // |double_well.tilt| < 2/(3√3): two minima
inline constexpr int kMaxMemory = 50;            // lbfgs.memory ∈ [1, kMaxMemory]
inline constexpr int kMaxRuns = 100000;          // runs of finalPositions / optlab finals
inline constexpr int kMaxScenarios = 16;         // scenarios of one array given to optlab run
inline constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 − 1: exact in JavaScript

// The work one call may ask for, in units of about a nanosecond of one core
// on the bench machine (scenario/work.hpp counts them): every entry point
// counts its work before it starts and refuses more, naming the setting to
// lower. Without it the other limits together still allow days of work
// (100000 runs of 20000 steps on 10000 examples).
inline constexpr double kMaxWork = 4e9;
// Cells of one grid (valueGrid, the rate maps, isolines): each is a double
// in memory and at least one evaluation.
inline constexpr long kMaxGridCells = 1L << 20;
// Points along one axis of a grid, and step sizes of one sweep.
inline constexpr int kMaxGridSide = 4096;
// (level, cell) pairs where a level crosses a cell, for isolines: each adds
// at most two segments (ten numbers) to the result. The most detailed plot
// of the lesson has about 6,000; a checkerboard grid of 2^20 cells with 256
// levels would have 2.7e8, gigabytes of segments.
inline constexpr long kMaxIsolineCrossings = 1L << 18;
// Trial points one L-BFGS step may evaluate: LBFGSpp's strong-Wolfe search
// tries at most this many while bracketing and again while zooming.
inline constexpr int kLbfgsMaxLineSearch = 20;

// A function typed by a user (problem kind "expression"): its length in
// characters, how deep parentheses, calls and signs may nest (the reader
// recurses once per level), and the operations of its program (each costs
// a few nanoseconds per evaluation, of which a run makes three per step).
inline constexpr int kMaxExpressionLength = 500;
inline constexpr int kMaxExpressionDepth = 32;
inline constexpr int kMaxExpressionNodes = 256;

// A JSON document (scenario or problem) is checked against these before any
// of it is kept, so that no input can make the parser allocate or recurse
// without bound. The largest document the contract takes, least squares
// with X of kMaxExamples rows of kMaxDim numbers, fits with room to spare.
inline constexpr long kMaxDocumentBytes = 8L << 20;  // 8 MiB
inline constexpr int kMaxDepth = 6;                   // a scenario nests 4 levels: problem.X[i][j]
inline constexpr long kMaxArrayLength = kMaxExamples; // X and y have n entries, the longest arrays
inline constexpr int kMaxObjectFields = 32;           // no object of the contract has more than 10
inline constexpr long kMaxValues = 2L * (kMaxDim + 2) * kMaxExamples;  // every value of a document

// A run is declared diverged at the first iterate with a non-finite value,
// a coordinate beyond kDivergedAbsW, or a loss beyond kDivergedAbsLoss.
inline constexpr double kDivergedAbsW = 1e10;
inline constexpr double kDivergedAbsLoss = 1e30;

// γλ within this relative distance of 1 or 2 counts as "optimal" or "boundary".
inline constexpr double kRegimeTolerance = 1e-9;

}  // namespace optlab::limits
