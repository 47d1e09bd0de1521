"""nbconvert's ExecutePreprocessor made reliable on Deno's Jupyter kernel.

Deno 2.9's kernel can report a cell finished (status: idle) a few milliseconds before it has sent
all of the cell's outputs: console output goes through a separate forwarder, and now and then even
the cell's result follows the idle message. nbconvert (nbclient) stops reading a cell's outputs at
idle, so those outputs were lost from the executed notebook, or ended up under the next cell. This
preprocessor keeps reading the cell's outputs after idle until none has come for `quiet` seconds,
before the next cell starts. Errors are reported as before: a failing cell fails the conversion
(exit status 1).

Used by notebooks/tools/execute.sh:
    jupyter nbconvert --to notebook --Exporter.preprocessors=deno_execute.DenoExecutePreprocessor ...
"""
import inspect
from queue import Empty
from time import monotonic

from nbclient.exceptions import CellExecutionComplete
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Float


class DenoExecutePreprocessor(ExecutePreprocessor):
    quiet = Float(0.3, help="Seconds without output, after the kernel reported idle, before a cell counts as finished.").tag(config=True)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        assert self.kc is not None
        deadline = None  # set once the kernel has reported idle
        while True:
            timeout = None if deadline is None else max(0.0, deadline - monotonic())
            try:
                msg = self.kc.iopub_channel.get_msg(timeout=timeout)
                if inspect.isawaitable(msg):
                    msg = await msg
            except Empty:
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            if deadline is not None:
                deadline = monotonic() + self.quiet
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                deadline = monotonic() + self.quiet
