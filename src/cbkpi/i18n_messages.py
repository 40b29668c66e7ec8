"""Error and status messages of the commands (not of the data's schema), in Vietnamese and English.

Merged into :data:`cbkpi.i18n.LABELS` (look them up with :func:`cbkpi.i18n.t`, in the language of
:func:`cbkpi.i18n.message_lang`); kept apart from the table labels and the files' labels so that
each list can be read, and reviewed, on its own."""

from __future__ import annotations

ERROR_MESSAGES: dict[str, dict[str, str]] = {
    # reading the data (cbkpi.pipeline)
    "err_no_data_files": {
        "vi": "chưa nêu tệp dữ liệu nào và cũng không tìm thấy tệp nào trong {folder}/",
        "en": "no data files given and none found under {folder}/",
    },
    "err_data_invalid": {
        "vi": "dữ liệu chưa hợp lệ; chạy 'cbkpi validate' để xem đủ các lỗi",
        "en": "the data is not valid; run 'cbkpi validate' for the full report",
    },
    "err_no_targets_file": {
        "vi": "trong các tệp đã nêu không có tệp mục tiêu hay tệp kết quả nào (số liệu theo năm phải đi kèm một tệp như vậy)",
        "en": "no targets or results file among the files given (observations need one)",
    },
    "err_as_of_outside": {
        "vi": "--as-of {year} nằm ngoài nhiệm kỳ ({spans}); hãy chọn một năm trong nhiệm kỳ",
        "en": "--as-of {year} is outside the term ({spans}); choose a year within it",
    },
    "err_unknown_term": {
        "vi": "các tệp đã đọc không có nhiệm kỳ {wanted!r}; các nhiệm kỳ có: {listed} (hoặc ghi năm kết thúc)",
        "en": "no term {wanted!r} in the files read; expected one of: {listed} (or an end year)",
    },
    # file names (cbkpi.filenames)
    "err_stdout_needs_format": {
        "vi": "-o - (ghi ra đầu ra chuẩn) cần kèm --format",
        "en": "-o - (standard output) needs --format",
    },
    "err_unknown_extension": {
        "vi": "không đoán được định dạng của {output!r} từ đuôi tệp ({names}); hãy thêm --format",
        "en": "cannot tell the format of {output!r} from its extension ({names}); give --format",
    },
    "err_format_contradicts": {
        "vi": "--format {given} không khớp với tên tệp {output!r} (tệp {suffix} chứa {holds}); "
        "hãy đặt tên tệp *.{extension} hoặc bỏ --format",
        "en": "--format {given} contradicts the file name {output!r} ({suffix} holds {holds}); "
        "name the file *.{extension} or drop --format",
    },
    "err_chart_extension": {
        "vi": "tên tệp biểu đồ phải kết thúc bằng .png hoặc .svg: {output!r}",
        "en": "a chart file must end in .png or .svg, not {output!r}",
    },
    "err_size_form": {
        "vi": "kích thước {text!r} không đúng dạng RỘNGxCAO tính bằng điểm ảnh, ví dụ 1200x600",
        "en": "size {text!r} is not WIDTHxHEIGHT in pixels, e.g. 1200x600",
    },
    "err_size_range": {
        "vi": "kích thước {text!r}: chiều rộng và chiều cao phải từ 200 đến 4000 điểm ảnh",
        "en": "size {text!r}: width and height must be 200 to 4000 pixels",
    },
    "err_binary_to_terminal": {
        "vi": "{fmt} là tệp nhị phân nên không in ra màn hình; hãy chuyển hướng sang tệp hoặc dùng -o TỆP",
        "en": "{fmt} is binary: not written to a terminal; redirect it or give -o FILE",
    },
    # writing files (cbkpi.outputs, cbkpi.cli_files, cbkpi.cli_init)
    "err_cannot_write": {"vi": "không ghi được {path}: {reason}", "en": "cannot write {path}: {reason}"},
    "err_is_directory": {
        "vi": "{path} là một thư mục; hãy ghi tên một tệp",
        "en": "{path} is a directory; give a file name",
    },
    "err_in_data_folder": {
        "vi": "{path} nằm trong thư mục dữ liệu {folder}/; cbkpi không bao giờ ghi vào đó",
        "en": "{path} is inside the data folder {folder}/; cbkpi never writes there",
    },
    "err_is_input": {
        "vi": "{path} là một tệp đầu vào; cbkpi không bao giờ ghi đè tệp đầu vào",
        "en": "{path} is one of the input files; cbkpi never overwrites its input",
    },
    "err_existing_yaml": {
        "vi": "{path} là tệp YAML đã có; cbkpi không ghi đè tệp YAML",
        "en": "{path} is an existing YAML file; cbkpi does not overwrite YAML",
    },
    "err_no_folder": {"vi": "thư mục {folder} không tồn tại", "en": "folder {folder} does not exist"},
    "err_not_regular": {
        "vi": "{path} là {kind}; cbkpi chỉ ghi vào tệp thông thường",
        "en": "{path} is {kind}; cbkpi only writes regular files",
    },
    "kind_fifo": {"vi": "một đường ống có tên (FIFO)", "en": "a named pipe (FIFO)"},
    "kind_char_device": {"vi": "một thiết bị ký tự", "en": "a character device"},
    "kind_block_device": {"vi": "một thiết bị khối", "en": "a block device"},
    "kind_socket": {"vi": "một socket", "en": "a socket"},
    "kind_not_regular": {"vi": "không phải tệp thông thường", "en": "not a regular file"},
    "err_png_needs_matplotlib": {
        "vi": "biểu đồ PNG cần matplotlib: pip install 'cbkpi[charts]' (hoặc ghi tệp .svg)",
        "en": "PNG charts need matplotlib: pip install 'cbkpi[charts]' (or write an .svg file)",
    },
    "err_start_not_before_end": {
        "vi": "năm --start {start} phải trước năm --end {end}",
        "en": "--start {start} is not before --end {end}",
    },
    "err_exists_not_overwritten": {
        "vi": "{path} đã có; cbkpi không ghi đè (hãy chọn tên khác)",
        "en": "{path} already exists; not overwritten (choose another name)",
    },
    # the run itself (cbkpi.entry, cbkpi.streams)
    "err_interrupted": {"vi": "đã dừng theo yêu cầu", "en": "interrupted"},
    "err_internal": {
        "vi": "lỗi nội bộ: {error}. Xin báo lỗi này kèm câu lệnh đã chạy (CBKPI_DEBUG=1 in ra toàn bộ vết lỗi).",
        "en": "internal error: {error}. Please report it with the command you ran (CBKPI_DEBUG=1 shows the traceback).",
    },
    "err_stdout_closed": {
        "vi": "đầu ra chuẩn đã đóng; không ghi được gì",
        "en": "standard output is closed; nothing could be written",
    },
    "err_write_output": {"vi": "không ghi được đầu ra: {error}", "en": "cannot write the output: {error}"},
    # `cbkpi validate`'s last line (cbkpi.render.diagnostics)
    "validate_failed": {
        "vi": "{errors} lỗi, {warnings} cảnh báo trong {files} tệp",
        "en": "{errors} error(s), {warnings} warning(s) in {files} file(s)",
    },
    "validate_ok": {"vi": "ổn: {files} tệp hợp lệ", "en": "ok: {files} file(s) valid"},
    "validate_ok_warnings": {
        "vi": "ổn: {files} tệp hợp lệ, {warnings} cảnh báo",
        "en": "ok: {files} file(s) valid, {warnings} warning(s)",
    },
    "validate_errors": {"vi": "{errors} lỗi", "en": "{errors} error(s)"},
    # the data's own checks in models (cbkpi.schema_messages rephrases pydantic's value errors)
    "msg_not_finite": {
        "vi": "cần một số hữu hạn, nhưng đây là NaN hoặc vô cực",
        "en": "expected a finite number, got NaN or infinity",
    },
    "msg_ref_incomplete": {
        "vi": "ref cần 'line' (dòng trong văn kiện), 'quote' (trích nguyên văn) hoặc cả hai",
        "en": "a ref needs a 'line', a 'quote' or both",
    },
    "msg_value_and_observed": {
        "vi": "chỉ ghi một trong hai: 'value' hoặc 'from_observations: true'",
        "en": "give either 'value' or 'from_observations: true', not both",
    },
    "msg_value_required": {
        "vi": "cần 'value' (ghi null nếu chưa biết) hoặc 'from_observations: true'",
        "en": "'value' is required (null when unknown), or 'from_observations: true'",
    },
    "msg_range_order": {
        "vi": "mức thấp (low) {low} phải nhỏ hơn mức cao (high) {high}",
        "en": "low {low} is not below high {high}; expected low < high",
    },
    # where a located message is (cbkpi.loader, cbkpi.checks): the indicator a path points into
    "where_indicator": {"vi": "chỉ tiêu {label} ({id})", "en": "indicator {label} ({id})"},
    "where_indicator_id": {"vi": "chỉ tiêu {id}", "en": "indicator {id}"},
    # the reviewer's checks beyond the schema (cbkpi.checks)
    "chk_unit": {"vi": "đơn vị", "en": "unit"},
    "chk_units": {"vi": "đơn vị", "en": "units"},
    "chk_area": {"vi": "lĩnh vực", "en": "area"},
    "chk_areas": {"vi": "lĩnh vực", "en": "areas"},
    "chk_id_elsewhere": {
        "vi": "mã {id!r} đã có trong {other}:{line} cho cùng nhiệm kỳ",
        "en": "id {id!r} is also defined in {other}:{line} for the same term",
    },
    "chk_declared_differently": {
        "vi": "{what} {decl!r} được khai báo khác trong {other}; hãy khai báo giống nhau (hoặc dùng khóa khác)",
        "en": "{what} {decl!r} is declared differently in {other}; declare it alike (or use another key)",
    },
    "chk_builtin": {
        "vi": "{what} {decl!r} đã có sẵn; chỉ khai báo {name} mới (hoặc chọn khóa khác)",
        "en": "{what} {decl!r} is built in; declare only new {name} (or choose another key)",
    },
    "chk_declared_twice": {"vi": "{what} {decl!r} được khai báo hai lần", "en": "{what} {decl!r} is declared twice"},
    "chk_source_twice": {"vi": "mã nguồn {id!r} được liệt kê hai lần", "en": "source id {id!r} is listed twice"},
    "chk_unknown_area": {
        "vi": "không có lĩnh vực {area!r}; chỉ nhận: {expected} (hoặc khai báo trong 'areas')",
        "en": "unknown area {area!r}; expected one of: {expected} (or declare it under 'areas')",
    },
    "chk_unknown_unit": {
        "vi": "không có đơn vị {unit!r}; chỉ nhận: {expected} (hoặc khai báo trong 'units')",
        "en": "unknown unit {unit!r}; expected one of: {expected} (or declare it under 'units')",
    },
    "chk_none_listed": {"vi": "chưa liệt kê nguồn nào", "en": "none listed"},
    "chk_unknown_source": {
        "vi": "không có nguồn {source!r}; cần một mã trong 'sources' ({listed})",
        "en": "unknown source {source!r}; expected an id of 'sources' ({listed})",
    },
    "chk_first_at": {"vi": " (lần đầu ở dòng {line})", "en": " (first at line {line})"},
    "chk_duplicate_id": {
        "vi": "mã chỉ tiêu {id!r} bị trùng{where}; mỗi mã chỉ dùng một lần",
        "en": "duplicate indicator id {id!r}{where}; ids must be unique",
    },
    "chk_duplicate_claim": {"vi": "mã nhận định {id!r} bị trùng", "en": "duplicate claim id {id!r}"},
    "chk_term_order": {
        "vi": "nhiệm kỳ bắt đầu năm {start} và kết thúc năm {end}; năm bắt đầu phải trước năm kết thúc",
        "en": "term starts in {start} and ends in {end}; expected start < end",
    },
    "chk_baseline_outside": {
        "vi": "năm cơ sở {year} nằm ngoài nhiệm kỳ {start}-{end}",
        "en": "baseline year {year} is outside the term {start}-{end}",
    },
    "chk_year_outside": {
        "vi": "{field} {year} nằm ngoài nhiệm kỳ {start}-{end}",
        "en": "{field} {year} is outside the term {start}-{end}",
    },
    "chk_baseline_after": {
        "vi": "năm cơ sở {year} sau {field} {target} của mục tiêu; năm cơ sở phải trước hoặc bằng năm đó",
        "en": "baseline year {year} is after the target's {field} {target}; expected a baseline at or before it",
    },
    "chk_end_before_start": {
        "vi": "end_year {end} phải sau start_year {start}",
        "en": "end_year {end} is not after start_year {start}",
    },
    "chk_below": {"vi": "nhỏ hơn", "en": "below"},
    "chk_above": {"vi": "vượt quá", "en": "above"},
    "chk_impossible": {
        "vi": "{what} {value} {side} {bound} {unit}, không thể có với đơn vị này",
        "en": "{what} {value} is {side} {bound} {unit}, impossible for this unit",
    },
    "chk_what_baseline": {"vi": "giá trị cơ sở", "en": "baseline"},
    "chk_what_target": {"vi": "mục tiêu", "en": "target"},
    "chk_what_count": {"vi": "số mỗi năm", "en": "count per year"},
    "chk_what_low": {"vi": "mức thấp", "en": "range low"},
    "chk_what_high": {"vi": "mức cao", "en": "range high"},
    "chk_what_result": {"vi": "kết quả", "en": "result"},
    "chk_baseline_ref": {
        "vi": "giá trị cơ sở cần 'ref' chỉ tới dòng nguồn của nó",
        "en": "a baseline value needs a 'ref' to the source line it comes from",
    },
    "chk_equivalent": {
        "vi": "ratio_basis là 'equivalent' nhưng mục tiêu không có 'equivalent'",
        "en": "ratio_basis is 'equivalent' but the target has no 'equivalent'",
    },
    "chk_growth_floor": {
        "vi": "tốc độ tăng {value} %/năm từ -100 trở xuống; cần một tốc độ lớn hơn -100",
        "en": "growth rate {value} %/year is -100 or less; expected a rate above -100",
    },
    "chk_reduction_positive": {
        "vi": "mức giảm {value} điểm mỗi năm; cần một số dương",
        "en": "a reduction of {value} points per year; expected a positive number",
    },
    "chk_results_in_targets": {
        "vi": "tệp mục tiêu không chứa kết quả; hãy chuyển kết quả sang tệp kết quả",
        "en": "a targets file holds no results; move results to a results file",
    },
    "chk_negative_ratio": {"vi": "tỉ lệ báo cáo ghi không thể âm", "en": "a published ratio cannot be negative"},
    "chk_result_empty": {
        "vi": "kết quả cần 'value' hoặc 'text' (chưa biết thì ghi value: null kèm note)",
        "en": "a result needs a 'value' or a 'text' (use value: null with a note for unknown)",
    },
    "chk_share_unit": {
        "vi": "chỉ tiêu thuộc nhóm tỉ trọng {group!r} phải tính bằng phần trăm, không phải {unit!r}",
        "en": "indicator in share group {group!r} must be in percent, not {unit!r}",
    },
    "chk_share_sum": {
        "vi": "các tỉ trọng của nhóm {group!r} năm {year} cộng lại {total} %; phải là 100 % (sai số làm tròn ±{tolerance})",
        "en": "shares of group {group!r} for {year} sum to {total} %; expected 100 % (within rounding, ±{tolerance})",
    },
    "chk_claim_unknown": {
        "vi": "nhận định nhắc tới mã chỉ tiêu {id!r}, nhưng tệp không có chỉ tiêu này",
        "en": "claim refers to unknown indicator {id!r}",
    },
    "chk_claim_unauditable": {
        "vi": "không kiểm tra được nhận định này: cần ít nhất hai trong increase_pct, multiple, average_annual_pct",
        "en": "this claim cannot be audited: it needs at least two of increase_pct, multiple, average_annual_pct",
    },
    # the checks of observation files (cbkpi.observations)
    "obs_source_not_listed": {
        "vi": "nguồn {source!r} không phải mã nào trong 'sources' của tệp này; chỉ nhận: {expected}",
        "en": "source {source!r} is not an id of this file's sources; expected one of: {expected}",
    },
    "obs_unknown_indicator": {"vi": "không có chỉ tiêu mã {id!r}; {hint}", "en": "unknown indicator id {id!r}; {hint}"},
    "obs_did_you_mean": {"vi": "có phải là {names}?", "en": "did you mean {names}?"},
    "obs_expected_id": {
        "vi": "cần mã của một chỉ tiêu trong tệp mục tiêu (`cbkpi list` liệt kê các mã)",
        "en": "expected an id of a targets file (`cbkpi list` lists them)",
    },
    "obs_unused": {
        "vi": "{id!r} không có mục tiêu định lượng nào: số liệu này không được dùng",
        "en": "{id!r} has no quantified target: this value is not used",
    },
    "obs_year_outside_term": {
        "vi": "năm {year} nằm ngoài nhiệm kỳ {names} của {id!r}",
        "en": "year {year} is outside the term {names} of {id!r}",
    },
    "obs_year_outside_terms": {
        "vi": "năm {year} nằm ngoài các nhiệm kỳ {names} của {id!r}",
        "en": "year {year} is outside the terms {names} of {id!r}",
    },
    "obs_unknown_unit": {
        "vi": "không có đơn vị {unit!r}; chỉ nhận: {expected}",
        "en": "unknown unit {unit!r}; expected one of: {expected}",
    },
    "obs_no_factor": {
        "vi": "không có hệ số chính xác để đổi {unit} sang {target} (đơn vị của {id!r}): số liệu này không được dùng để tính",
        "en": "no exact factor converts {unit} to {target} (the unit of {id!r}): this value is kept out of every computation",
    },
    "obs_impossible": {
        "vi": "giá trị {value} {side} {bound} {unit}, không thể có với {id!r}",
        "en": "value {value} is {side} {bound} {unit}, impossible for {id!r}",
    },
    "obs_conflict": {
        "vi": "{id} {year}: {value} ({source}) khác với {first} ({first_source}, {place}); hãy ghi 'revises: true' cho số mới hơn",
        "en": "{id} {year}: {value} ({source}) conflicts with {first} ({first_source}, {place}); mark the newer one 'revises: true'",
    },
    "obs_baseline_ref": {"vi": "cơ sở {year}: {value}", "en": "baseline {year}: {value}"},
    "obs_compare": {"vi": "; so với {ref}", "en": "; compare {ref}"},
    "obs_thousands": {
        "vi": "{value} có đúng ba chữ số thập phân: theo cách viết số của Việt Nam {value} nghĩa là {thousands}{against}; "
        "nếu đúng vậy hãy viết {thousands}",
        "en": "{value} has exactly three decimals: in Vietnamese notation {value} means {thousands}{against}; "
        "write {thousands} if that is meant",
    },
    "obs_jump": {
        "vi": "{id} {year}: {value} chênh quá {factor} lần so với {ref}; hãy xem lại số liệu, đơn vị và định nghĩa",
        "en": "{id} {year}: {value} is more than {factor} times away from {ref}; check the figure, its unit and its definition",
    },
    "obs_baseline_unobserved": {
        "vi": "{id!r}: không có số liệu năm {year} nên chưa biết giá trị cơ sở lấy từ số liệu theo năm",
        "en": "{id!r}: no observation for {year}, so the baseline taken from observations is unknown",
    },
    # reading a YAML file (cbkpi.yamlread, cbkpi.loader)
    "yr_is_directory": {"vi": "là một thư mục, cần một tệp YAML", "en": "is a directory, expected a YAML file"},
    "yr_no_such_file": {"vi": "không có tệp này", "en": "no such file"},
    "yr_permission": {
        "vi": "không có quyền đọc tệp này",
        "en": "permission denied: cannot read the file",
    },
    "yr_cannot_read": {"vi": "không đọc được tệp: {reason}", "en": "cannot read the file: {reason}"},
    "yr_size_bytes": {"vi": "{size} byte", "en": "{size} bytes"},
    "yr_size_more": {"vi": "hơn {size} byte", "en": "more than {size} bytes"},
    "yr_limit_hint": {"vi": " (đặt {env} để nâng giới hạn)", "en": " (set {env} to raise it)"},
    "yr_limit_env": {
        "vi": "{env}={value} không phải là một số byte; cần một số nguyên từ 1 đến {ceiling} (hoặc bỏ biến này: {default})",
        "en": "{env}={value} is not a size in bytes; expected a whole number from 1 to {ceiling} (or unset it: {default})",
    },
    "yr_too_large": {
        "vi": "tệp có {size}; giới hạn là {limit} byte",
        "en": "file is {size}; the limit is {limit} bytes",
    },
    "yr_not_regular": {
        "vi": "là {kind}, không phải tệp thông thường; hãy đưa một tệp YAML hoặc một thư mục",
        "en": "is {kind}, not a regular file; give a YAML file or a folder",
    },
    "yr_utf16": {
        "vi": "tệp là văn bản UTF-16 (hoặc UTF-32); hãy lưu lại dưới dạng UTF-8",
        "en": "the file is UTF-16 (or UTF-32) text; save it as UTF-8",
    },
    "yr_bad_byte": {
        "vi": "byte 0x{byte} không hợp lệ trong UTF-8; hãy lưu tệp dưới dạng UTF-8",
        "en": "byte 0x{byte} is not valid UTF-8; save the file as UTF-8",
    },
    "yr_nul": {
        "vi": "tệp có byte NUL: đây là tệp nhị phân, không phải văn bản YAML",
        "en": "the file contains NUL bytes: it is binary, not YAML text",
    },
    "yr_started_at": {"vi": " bắt đầu ở dòng {line}", "en": " started at line {line}"},
    "yr_syntax": {"vi": "lỗi cú pháp YAML: {problem}{context}", "en": "YAML syntax error: {problem}{context}"},
    "yr_character": {"vi": "ký tự #x{code}", "en": "character #x{code}"},
    "yr_a_character": {"vi": "ký tự", "en": "character"},
    "yr_not_allowed": {
        "vi": "lỗi YAML: không được dùng {what}: {reason}",
        "en": "YAML error: {what} is not allowed: {reason}",
    },
    "yr_error": {"vi": "lỗi YAML: {error}", "en": "YAML error: {error}"},
    "yr_too_deep": {"vi": "lồng sâu hơn {depth} tầng", "en": "nesting deeper than {depth} levels"},
    "yr_key_scalar": {
        "vi": "khóa của một cặp 'khóa: giá trị' phải là chữ hoặc số, không phải danh sách hay ánh xạ",
        "en": "a mapping key must be a plain scalar",
    },
    "yr_unknown_alias": {"vi": "bí danh *{anchor} không trỏ tới neo &{anchor} nào", "en": "unknown alias *{anchor}"},
    "yr_aliases_expand": {
        "vi": 'các bí danh nở ra hơn {limit} giá trị (bí danh nhân lên nhau, kiểu "billion laughs"?)',
        "en": 'the aliases expand to more than {limit} values (aliases that multiply, a "billion laughs"?)',
    },
    "yr_second_document": {
        "vi": "có tài liệu YAML thứ hai (---); mỗi tệp chỉ chứa một",
        "en": "a second YAML document (---); expected one",
    },
    "yr_first_at": {"vi": " (lần đầu ở dòng {line})", "en": " (first at line {line})"},
    "yr_duplicate_key": {
        "vi": "khóa {name!r} bị lặp{where}; mỗi khóa chỉ được ghi một lần",
        "en": "duplicate key {name!r}{where}; each key may appear once",
    },
    "yr_too_many_values": {
        "vi": "tài liệu có hơn {limit} giá trị",
        "en": "the document holds more than {limit} values",
    },
    "yr_empty": {
        "vi": "tệp trống (hoặc chỉ có chú thích); cần các cặp 'khóa: giá trị' của YAML",
        "en": "the file is empty (or holds only comments); expected a YAML mapping",
    },
    "yr_tag": {
        "vi": "không dùng được thẻ {tag!r}; hãy viết dữ liệu YAML thông thường",
        "en": "tag {tag!r} is not allowed; use plain YAML data",
    },
    "yr_merge": {
        "vi": "không hỗ trợ khóa gộp ('<<'); hãy viết đủ các khóa (neo và bí danh thì dùng được)",
        "en": "merge keys ('<<') are not supported; write the keys out (anchors and aliases are allowed)",
    },
    "yr_invalid": {"vi": "{what} không hợp lệ {text!r}: {error}", "en": "invalid {what} {text!r}: {error}"},
    "yr_invalid_number": {"vi": "số không hợp lệ {text!r}: {error}", "en": "invalid number {text!r}: {error}"},
    "yr_not_int": {"vi": "không phải số nguyên", "en": "not an integer"},
    "yr_not_float": {"vi": "không phải số", "en": "not a number"},
    "yr_not_timestamp": {
        "vi": "không phải ngày tháng (YYYY-MM-DD, hoặc ngày và giờ)",
        "en": "not a timestamp (YYYY-MM-DD, or a date and a time)",
    },
    "yr_not_bool": {
        "vi": "không phải giá trị đúng/sai (true/false, yes/no, on/off)",
        "en": "not a boolean (true/false, yes/no, on/off)",
    },
    "yr_not_tag": {"vi": "PyYAML không đọc được giá trị này theo kiểu {tag}", "en": "PyYAML cannot read it as {tag}"},
    "yr_base60": {
        "vi": "{text!r} là số hệ 60 trong YAML 1.1 (5:04 được đọc là 304); hãy đặt trong ngoặc kép "
        "nếu là chữ, hoặc viết số thập phân",
        "en": "{text!r} is a base-60 number in YAML 1.1 (5:04 reads as 304); quote it as text "
        "or write the decimal number",
    },
    "yr_out_of_range": {
        "vi": "số {text!r} nằm ngoài phạm vi dùng được; độ lớn phải từ 1e-300 đến 1e300",
        "en": "number {text!r} is out of range; numbers must lie between 1e-300 and 1e300 in size",
    },
    "yr_top_level": {
        "vi": "cấp ngoài cùng là {kind}; cần các khóa 'source', 'term', 'kind' và 'indicators'",
        "en": "the top level is {kind}; expected a mapping with 'source', 'term', 'kind' and 'indicators'",
    },
    "yr_a_list": {"vi": "một danh sách", "en": "a list"},
    # numbers typed on the command line (cbkpi.i18n.parse_number, cbkpi.cli_calc)
    "num_not_in_notation": {
        "vi": "{text!r} không phải số viết theo kiểu {notation} (ví dụ {example})",
        "en": "{text!r} is not a number in {notation} notation (e.g. {example})",
    },
    "num_ambiguous": {
        "vi": "{text!r} có thể hiểu hai cách: {as_vi} theo cách viết Việt Nam, {as_en} theo cách viết "
        "tiếng Anh; hãy thêm --notation vi hoặc --notation en",
        "en": "{text!r} is ambiguous: {as_vi} in Vietnamese notation, {as_en} in English notation; "
        "add --notation vi or --notation en",
    },
    "num_not_a_number": {
        "vi": "{text!r} không phải là số (ví dụ: 4,5  1.650  4.5  1650)",
        "en": "{text!r} is not a number (examples: 4,5  1.650  4.5  1650)",
    },
    "num_not_years": {
        "vi": "{value} không phải số năm; hãy ghi một số hữu hạn, ví dụ 5",
        "en": "{value} is not a number of years; give a finite number such as 5",
    },
    "num_too_large": {
        "vi": "{text!r} ({length} ký tự) quá lớn để tính; số lớn nhất dùng được vào khoảng 1.8e+308",
        "en": "{text!r} ({length} characters) is too large to compute with; the largest usable number is about 1.8e+308",
    },
    # the loader's rarer schema messages (cbkpi.loader)
    "msg_got": {"vi": " (giá trị: {got})", "en": " (got {got})"},
    "msg_stopped": {
        "vi": "tệp lớn: dừng kiểm tra ở các lỗi đầu tiên; hãy sửa chúng rồi chạy lại",
        "en": "a large file: checking stopped at the first errors; fix them and run again",
    },
    "msg_too_many": {
        "vi": "{count} lỗi lược đồ; chỉ in {shown} lỗi đầu: hãy sửa chúng rồi chạy lại",
        "en": "{count} schema errors; the first {shown} are shown: fix them and run again",
    },
    "msg_wide_mapping": {
        "vi": "một ánh xạ có {count} khóa; không ánh xạ nào của tệp dữ liệu có hơn {limit} khóa",
        "en": "a mapping with {count} keys; no mapping of a data file has more than {limit}",
    },
    # click's own words (cbkpi.cli_words)
    "click_usage": {"vi": "Cách dùng: ", "en": "Usage: "},
    "click_try_help": {"vi": "Xem '{command} {option}' để biết cách dùng.", "en": "Try '{command} {option}' for help."},
    "click_error": {"vi": "Lỗi: {message}", "en": "Error: {message}"},
    "click_arguments": {"vi": "Đối số", "en": "Arguments"},
    "click_options": {"vi": "Tùy chọn", "en": "Options"},
    "click_commands": {"vi": "Lệnh", "en": "Commands"},
    "click_help_option": {"vi": "In phần trợ giúp này rồi thoát.", "en": "Show this message and exit."},
    "click_default": {"vi": "mặc định: {value}", "en": "default: {value}"},
    "click_required": {"vi": "bắt buộc", "en": "required"},
    "click_env_var": {"vi": "biến môi trường: {value}", "en": "env var: {value}"},
    "click_no_such_option": {"vi": "không có tùy chọn {name}", "en": "No such option: {name}"},
    "click_possible_options": {"vi": "(có phải là: {names})", "en": "(Possible options: {names})"},
    "click_no_such_command": {"vi": "không có lệnh {name}.", "en": "No such command {name}."},
    "click_missing_command": {"vi": "thiếu tên lệnh.", "en": "Missing command."},
    "click_missing_argument": {"vi": "thiếu đối số {name}.", "en": "Missing argument {name}."},
    "click_missing_option": {"vi": "thiếu tùy chọn {name}.", "en": "Missing option {name}."},
    "click_invalid_value": {
        "vi": "giá trị không hợp lệ cho {name}: {message}",
        "en": "Invalid value for {name}: {message}",
    },
    "click_needs_value": {"vi": "tùy chọn {name} cần một giá trị.", "en": "Option {name} requires an argument."},
    "click_aborted": {"vi": "Đã dừng.", "en": "Aborted!"},
}
"""The commands' messages: errors (``err_*``), validate's summary, the models' checks (``msg_*``),
locations (``where_*``) and click's words (``click_*``)."""


LIBYAML_VI: dict[str, str] = {
    # What LibYAML (the C library PyYAML reads with) says went wrong: its English texts, exactly as
    # the library writes them (tests/test_yaml_messages_vi.py finds each key in PyYAML's compiled
    # extension), and what a Vietnamese reader is told instead. A text not listed stays English.
    # The problem:
    "block sequence entries are not allowed in this context": "không được mở một mục danh sách ('- ') ở vị trí này",
    "control characters are not allowed": "không được dùng ký tự điều khiển",
    "could not find expected ':'": "không tìm thấy dấu ':' cần có",
    "could not find expected directive name": "không tìm thấy tên chỉ thị (%...) cần có",
    "did not find URI escaped octet": "không tìm thấy byte mã hóa URI (%XX) cần có",
    "did not find expected '!'": "không tìm thấy dấu '!' cần có",
    "did not find expected ',' or ']'": "không tìm thấy dấu ',' hoặc ']' cần có",
    "did not find expected ',' or '}'": "không tìm thấy dấu ',' hoặc '}' cần có",
    "did not find expected '-' indicator": "không tìm thấy dấu '-' của mục danh sách cần có",
    "did not find expected <document start>": "không tìm thấy dấu mở đầu tài liệu (---) cần có",
    "did not find expected <stream-start>": "không tìm thấy phần mở đầu của văn bản YAML",
    "did not find expected alphabetic or numeric character": "không tìm thấy chữ cái hoặc chữ số cần có",
    "did not find expected comment or line break": "không tìm thấy chú thích (#) hoặc xuống dòng cần có",
    "did not find expected digit or '.' character": "không tìm thấy chữ số hoặc dấu '.' cần có",
    "did not find expected hexdecimal number": "không tìm thấy số thập lục phân cần có",
    "did not find expected key": "không tìm thấy khóa cần có",
    "did not find expected node content": "không tìm thấy nội dung cần có (một giá trị, danh sách hoặc ánh xạ)",
    "did not find expected tag URI": "không tìm thấy URI của thẻ (tag) cần có",
    "did not find expected version number": "không tìm thấy số phiên bản cần có",
    "did not find expected whitespace": "không tìm thấy dấu cách cần có",
    "did not find expected whitespace or line break": "không tìm thấy dấu cách hoặc xuống dòng cần có",
    "did not find the expected '>'": "không tìm thấy dấu '>' cần có",
    "found a tab character that violates indentation": "gặp ký tự tab làm sai thụt lề (YAML thụt lề bằng dấu cách)",
    "found a tab character where an indentation space is expected": "gặp ký tự tab ở chỗ cần dấu cách thụt lề",
    "found an incorrect leading UTF-8 octet": "gặp byte đầu của một ký tự UTF-8 không hợp lệ",
    "found an incorrect trailing UTF-8 octet": "gặp byte tiếp theo của một ký tự UTF-8 không hợp lệ",
    "found an indentation indicator equal to 0": "chỉ số thụt lề của giá trị nhiều dòng bằng 0",
    "found character that cannot start any token": "gặp ký tự không thể mở đầu một thành phần YAML",
    "found duplicate %TAG directive": "chỉ thị %TAG bị lặp",
    "found duplicate %YAML directive": "chỉ thị %YAML bị lặp",
    "found extremely long version number": "số phiên bản quá dài",
    "found incompatible YAML document": "tài liệu YAML thuộc phiên bản không tương thích",
    "found invalid Unicode character escape code": "mã thoát ký tự Unicode không hợp lệ",
    "found undefined tag handle": "gặp tiền tố thẻ (tag handle) chưa khai báo",
    "found unexpected ':'": "gặp dấu ':' không đúng chỗ",
    "found unexpected document indicator": "gặp dấu tài liệu (--- hoặc ...) không đúng chỗ",
    "found unexpected end of stream": "tệp kết thúc quá sớm",
    "found unexpected non-alphabetical character": "gặp ký tự không phải chữ cái",
    "found unknown directive name": "tên chỉ thị không xác định",
    "found unknown escape character": "ký tự thoát (sau dấu \\) không xác định",
    "mapping keys are not allowed in this context": "không được mở một khóa ánh xạ ('? ') ở vị trí này",
    "mapping values are not allowed in this context": "không được đặt một giá trị ánh xạ (sau ': ') ở vị trí này",
    # ... and what it was reading (shown in brackets, with the line where that began):
    "while parsing a %TAG directive": "khi đọc chỉ thị %TAG",
    "while parsing a block collection": "khi đọc một danh sách hoặc ánh xạ dạng khối",
    "while parsing a block mapping": "khi đọc một ánh xạ dạng khối",
    "while parsing a block node": "khi đọc một phần tử dạng khối",
    "while parsing a flow mapping": "khi đọc một ánh xạ trong ngoặc nhọn { }",
    "while parsing a flow node": "khi đọc một phần tử trong ngoặc",
    "while parsing a flow sequence": "khi đọc một danh sách trong ngoặc vuông [ ]",
    "while parsing a node": "khi đọc một phần tử",
    "while parsing a quoted scalar": "khi đọc một giá trị trong dấu nháy",
    "while parsing a tag": "khi đọc một thẻ (tag)",
    "while parsing a tag directive": "khi đọc chỉ thị %TAG",
    "while scanning a %TAG directive": "khi đọc chỉ thị %TAG",
    "while scanning a %YAML directive": "khi đọc chỉ thị %YAML",
    "while scanning a block scalar": "khi đọc một giá trị nhiều dòng (| hoặc >)",
    "while scanning a directive": "khi đọc một chỉ thị",
    "while scanning a plain scalar": "khi đọc một giá trị không có dấu nháy",
    "while scanning a quoted scalar": "khi đọc một giá trị trong dấu nháy",
    "while scanning a simple key": "khi đọc một khóa",
    "while scanning a tag": "khi đọc một thẻ (tag)",
    "while scanning a tag directive": "khi đọc chỉ thị %TAG",
    "while scanning an alias": "khi đọc một bí danh (*)",
    "while scanning an anchor": "khi đọc một neo (&)",
    "while scanning for the next token": "khi tìm thành phần tiếp theo",
}
