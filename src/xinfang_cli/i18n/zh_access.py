"""共享服务器上的登录名（并入中文目录）：xf access，以及登录名无权做的事。"""

MESSAGES: dict[str, str] = {
    "acc.help": "共享 PostgreSQL 服务器上的登录名：谁可以做什么。信访办登录名可做一切；"
                "单位登录名只能查看和办理本单位的事项；查阅登录名只读（个人信息遮蔽），不能写。"
                "由服务器本身强制执行（角色、授权、行级安全），psql 与 xf 一样受限。",
    "acc.help.grant": "为登录名指定组别（office 信访办、unit 单位、viewer 查阅），单位登录名"
                      "并指定其单位。登录名由服务器管理：请先创建（createuser --pwprompt "
                      "名称）；xf 从不询问或保存密码。\n\n"
                      "示例：xf access grant wang_gcsx --role unit --unit gcsx",
    "acc.help.revoke": "取消登录名的组别；其已写入的历史记录仍以其名义保留。",
    "acc.help.list": "本库已授权的登录名、组别及单位。",
    "acc.arg.login": "服务器上的登录名。",
    "acc.opt.role": "office（信访办，全部）、unit（单位，本单位事项）或 viewer（查阅，只读、遮蔽）。",
    "acc.opt.unit": "单位登录名的单位（代码或完整名称），可重复。",
    "acc.msg.granted": "{login}：{role}，单位 {units}。",
    "acc.msg.revoked": "{login}：已取消授权；其历史记录保留。",
    "acc.col.login": "登录名",
    "acc.col.role": "组别",
    "acc.col.units": "单位",
    "acc.col.granted_by": "授权人",
    "acc.col.granted_at": "授权时间",
    "acc.err.sqlite": "登录名属于共享服务器（PostgreSQL）；SQLite 文件没有登录名，"
                      "其访问权限即文件权限。",
    "acc.err.unit_needs_units": "{login}：单位登录名至少需要一个 --unit。",
    "acc.err.units_only_for_unit": "--unit 只能与 --role unit 同用，不能与 {role} 同用。",
    "acc.err.no_login": "服务器上没有登录名“{login}”：请先创建（createuser --pwprompt {login}）。",
    "acc.err.self": "{login} 是正在运行本命令的登录名：须由另一个信访办登录名修改。",
    "acc.err.not_granted": "{login} 在本库没有授权（见 xf access list）。",
    "err.not_permitted": "{login} 无权{right}：{detail}。",
    "err.not_your_case": "{login} 无权办理事项 {case}：该事项属于未授权给此登录名的单位。",
    "right.write": "写入",
    "right.read": "查看",
    "right.write_unit": "为其他单位写入",
    "err.by_on_server": "--by/XF_USER {by}：共享服务器上历史记录的操作人即登录名本身（{login}）；"
                        "请取消 XF_USER，或以 {by} 登录。",
    "right.import": "导入台账（信访办的权限）",
    "right.campaign": "载入活动日历（信访办的权限）",
    "err.office_only": "{login}（组别：{role}）无权{right}。",
    "acc.view.unit": "{login} 的视图：仅含其单位（{units}）。",
    "acc.view.reader": "{login}（{role}）的视图：可查阅全部单位，不能写入。",
}
