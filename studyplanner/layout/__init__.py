"""Where things go, before anyone paints them: Qt-free layouts that the screen and the printed
report both draw, so the two cannot disagree about which row an exam is on or which days a bar
covers. Imports the domain only; pixels and points are the drawer's business."""
