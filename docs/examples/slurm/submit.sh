#!/bin/bash
# Submits the sweep's array and its merge, which waits for every task to succeed (afterok).
# A failed or cancelled task can be resubmitted alone (sbatch --array=K sweep.sbatch): it resumes
# from the runs its folder already holds.
set -euo pipefail
here="$(dirname "$0")"
array=$(sbatch --parsable "$here/sweep.sbatch")
sbatch --dependency=afterok:"$array" "$here/merge.sbatch"
