"""transfer 命令的中文消息（并入中文目录）。"""

MESSAGES: dict[str, str] = {}
