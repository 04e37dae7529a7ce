"""English messages of the papers' commands (merged into the English catalogue): xf notice,
xf deliver, the review window."""

MESSAGES: dict[str, str] = {
    "help.notice": "Write the papers the law requires (Word files): acceptance and rejection "
                   "notices, the extension notice, the reply, the review and re-review "
                   "opinions; list those issued and those owed; give out a template for the "
                   "office to edit.\n\nExample: xf notice 2018-0003 acceptance",
    "help.notice_issue": "Write one paper for a case (.docx), number it and record it (number, "
                         "day, who, the file's SHA-256). The paper carries the petitioner's "
                         "real name: issuing it is recorded as a reveal. `issue` may be left "
                         "out: xf notice ID KIND.\n\nEach kind needs its state: acceptance once "
                         "accepted, rejection once rejected, extension once extended, reply "
                         "once closed, review / rereview once that review is closed.\n\n"
                         "Example: xf notice 2018-0003 reply -o reply.docx",
    "help.notice_list": "List the papers issued and their delivery; --pending lists the papers "
                        "the law requires that were never issued, with the days left or "
                        "overdue.\n\nExample: xf notice list --pending",
    "help.notice_template": "Write a built-in template (.docx) to edit in Word or WPS "
                            "(letterhead, layout, wording); put it in the data directory's "
                            "templates/ (templates/reply.docx or templates/处理意见书.docx) and "
                            "it replaces the built-in one.\n\n"
                            "Example: xf notice template reply -o reply.docx"
                            "\n\nPlaceholders a template may use: {fields}.",
    "help.deliver": "Record the delivery (送达) of an issued paper: the day and the method "
                    "(in person, mail, registered mail with its tracking number, electronic). "
                    "The 30 days to ask for a review run from the reply's delivery (for a "
                    "re-review, from the review opinion's). Recorded again, it corrects the "
                    "earlier record; the history keeps both.\n\nExample: xf deliver 2018-0003 "
                    "reply --on 2018-06-10 --method registered --ref XA123456789CN",
    "arg.notice_kind": "Kind of paper: acceptance=受理告知书, rejection=不予受理告知书, "
                       "extension=延期告知书, reply=处理意见书, review=复查意见书, "
                       "rereview=复核意见书.",
    "opt.notice_output": "File to write (default: CASE_KIND-NAME.docx in this directory).",
    "opt.reprint": "Print an issued paper again: same number, same date.",
    "opt.pending": "List the papers the law requires that were never issued.",
    "opt.notice_case": "Only this case's papers.",
    "opt.template_output": "File to write (default: KIND.docx in this directory).",
    "opt.overwrite": "Overwrite the file if it exists.",
    "opt.deliver_on": "Day of delivery (the petitioner received it: the review window runs "
                      "from it).",
    "opt.deliver_method": "How: in-person=直接送达, mail=邮寄, registered=挂号邮寄, "
                          "electronic=电子送达.",
    "opt.deliver_ref": "Tracking number or electronic receipt (required for registered mail).",
    "opt.late_reason": "The justified reason for asking after the 30 days (the law allows "
                       "for it); kept in the history.",
    "msg.notice_issued": "{case}: {kind} issued as {number}, file {file}",
    "msg.notice_reprinted": "{case}: {kind} printed again as {number} (unchanged), file {file}",
    "msg.template_written": "Wrote the {kind} template: {file}\nEdit it and put it in {folder} "
                            "(named {names}) to replace the built-in one.",
    "msg.delivered": "{case}: {kind} ({number}) delivered on {on}, {method}.",
    "msg.delivery_replaced": "{case}: delivery of {kind} ({number}) corrected: was {before}, "
                             "now {on}, {method}.",
    "msg.no_notices": "No papers issued.",
    "msg.no_pending": "No papers owed.",
    "title.notices": "Papers",
    "col.notice_kind": "Paper",
    "col.number": "Number",
    "col.issued": "Issued",
    "col.delivered": "Delivered",
    "col.file": "File",
    "col.paper_due": "Due by",
    "col.days_overdue": "Days late",
    "col.acceptance": "Acceptance notice",
    "col.rejection": "Rejection notice",
    "col.extension": "Extension notice",
    "col.reply": "Reply",
    "col.review": "Review opinion",
    "col.rereview": "Re-review opinion",
    "action.notice": "paper issued",
    "action.reprint": "paper reprinted",
    "action.deliver": "delivered",
    "err.notice_voided": "{case} is voided: no paper can be issued.",
    "err.notice_needs_accepted": "{case} is not accepted ({status}): no {kind} notice.",
    "err.notice_needs_rejected": "{case} was not rejected ({status}): no {kind} notice.",
    "err.notice_needs_extended": "{case} was never extended: no {kind} notice.",
    "err.notice_needs_closed": "{case} is not closed ({status}): no {kind}.",
    "err.notice_needs_review": "{case} has no closed review ({status}): no {kind} opinion.",
    "err.notice_needs_rereview": "{case} has no closed re-review ({status}): no {kind} opinion.",
    "err.notice_issued": "{case}: the {kind} paper was issued on {issued} ({number}); "
                         "add --reprint to print it again.",
    "err.notice_not_issued": "{case}: no {kind} paper was issued, so none can be reprinted.",
    "err.deliver_not_issued": "{case}: no {kind} paper was issued, so its delivery cannot be "
                              "recorded (first: xf notice {case} {kind}).",
    "err.deliver_before_issue": "--on: delivery {value} is before the paper was issued "
                                "({issued}).",
    "err.deliver_needs_ref": "registered mail needs its tracking number: --ref.",
    "err.template_unknown": "template {path} has unknown placeholders {names}; known: {known}.",
    "err.template_bad": "template {path} is not a usable Word document: {reason}.",
    "err.output_exists": "{path} exists; choose another -o file, or add --force to overwrite.",
    "err.review_late_delivered": "{case}: requested {value}, more than 30 days after the "
                                 "reply was delivered on {delivered} (last day {until}); with "
                                 "a justified reason, give it with --late-reason.",
    "rpt.sum.notices_issued": "Papers issued",
    "rpt.sum.notices_owed": "Papers owed on {day}",
    "rpt.sec.notices": "Papers to petitioners (issued in the period; owed on {day})",
    "rpt.col.notice_kind": "Paper",
    "rpt.col.issued": "Issued",
    "rpt.col.owed": "Owed",
    "rpt.sheet.notices": "Papers",
    "err.reprint_changed": "{case}: the case has changed since the {kind} paper {number} was "
                           "issued on {issued} (or the office's settings the paper names); a "
                           "reprint would say something else. The paper as issued is the "
                           "record: {file}.",
    "err.output_not_file": "{path} is not a regular file (a link, a device or a folder): no "
                           "paper is written there.",
    "err.paper_not_moved": "paper {number} is recorded but could not be named {path} ({reason}); "
                           "it is at {partial}: rename it by hand.",
}
