"""The words of the page shown when a write cannot be done during an import (issue 10), Chinese and English."""

from __future__ import annotations

BUSY_TEXTS: dict[str, tuple[str, str]] = {
    "busy": ("请稍候", "Please wait"),
    "busy_text": (
        "系统正在写入导入的数据，暂时无法保存更改。请一分钟后再试；查看页面不受影响。",
        "An import is being written: changes cannot be saved just now. Try again in a minute; reading pages "
        "works as usual.",
    ),
    "busy_post": (
        "您刚才提交的内容未保存：请返回上一页，稍后再提交一次。",
        "What you submitted was not saved: go back and submit it again in a minute.",
    ),
    "busy_again": ("重新打开此页", "Open this page again"),
    "import_busy": (
        "本次上传未导入，未作任何改动，上传的文件已删除；请在其完成后重新上传。",
        "This upload was not imported and nothing was written; the files were deleted. Upload them again when "
        "it has finished.",
    ),
}
