"""A page of tabs holding tables: the shared helpers of the network and review pages."""

from __future__ import annotations

from textual.widgets import DataTable, TabbedContent
from textual.widgets.data_table import RowDoesNotExist

from tui.screens.base import AreaScreen


class TabbedPage(AreaScreen):
    """An area page whose TabbedContent has the id `tabs` and whose tables have ids."""

    def reset_table(self, table_id: str) -> DataTable[object]:
        """A table emptied, ready to be filled again; the cursor goes back to its row after."""
        table = self.query_one(f"#{table_id}", DataTable)
        kept = self.selected_key(table_id)
        table.clear()
        if kept is not None:
            # Once the caller has filled the table: so the next key acts on the same record.
            self.call_after_refresh(self._put_cursor_on, table, kept)
        return table

    @staticmethod
    def _put_cursor_on(table: DataTable[object], key: str) -> None:
        try:
            table.move_cursor(row=table.get_row_index(key), animate=False)
        except RowDoesNotExist:
            pass  # the record is gone: the cursor stays where the table put it

    def selected_key(self, table_id: str) -> str | None:
        """The row key under the cursor of a table, or None if it is empty."""
        table = self.query_one(f"#{table_id}", DataTable)
        if table.row_count == 0:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @property
    def active_tab(self) -> str:
        """The id of the tab in front."""
        return str(self.query_one("#tabs", TabbedContent).active)

    def show_tab(self, tab_id: str) -> None:
        """Bring a tab to the front."""
        self.query_one("#tabs", TabbedContent).active = tab_id
