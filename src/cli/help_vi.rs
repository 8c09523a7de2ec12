//! `--help` in Vietnamese. The clap definitions hold the English (doc
//! comments, the `EXAMPLES` of each command): it is the help under
//! `--lang en` and the English man page. The Vietnamese of every
//! description is here, put in their place by [`localize`]; clap's own
//! words (headings, its help line, `[default: …]`) are put in the printed
//! help by [`words`].

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser, ValueParser};
use clap::{Arg, Command, ValueEnum};

/// What each command does, by its path ("" for danvan itself). As in a
/// doc comment, text after a blank line is only in the long help
/// (`--help`, not `-h`).
const ABOUT: &[(&str, &str)] = &[
    (
        "",
        "danvan: hồ sơ công tác dân vận: tổng hợp, tiến độ chỉ tiêu, thông báo kết luận, thời hạn giải quyết đơn.\n\
         Bằng tiếng Anh (in English): thêm --lang en, ví dụ danvan --lang en --help",
    ),
    (
        "status",
        "Tổng quan: số liệu, tiến độ, những việc quá hạn hoặc sắp đến hạn (lệnh mặc định)",
    ),
    (
        "check",
        "Kiểm tra mọi hồ sơ; báo mọi lỗi và cảnh báo, kèm vị trí trong tệp",
    ),
    (
        "summary",
        "Tổng hợp số lượng theo đơn vị, tổ chức, loại, lĩnh vực, trạng thái hoặc kỳ",
    ),
    (
        "progress",
        "Tiến độ thực hiện từng chỉ tiêu so với mục tiêu: số gốc, thực hiện, dự kiến đến nay, % mục tiêu, \
         đánh giá; --by year để xem theo từng năm",
    ),
    (
        "petitions",
        "Sổ theo dõi thời hạn giải quyết đơn thư: hạn thụ lý, hạn giải quyết, trạng thái, số ngày còn lại",
    ),
    (
        "notice",
        "Thông báo kết luận của một hội nghị thành văn bản: văn bản thuần, Markdown, HTML hoặc Word",
    ),
    (
        "conclusions",
        "Sổ theo dõi các nhiệm vụ trong thông báo kết luận, kèm trạng thái, việc gấp nhất lên trước",
    ),
    (
        "review",
        "Báo cáo sơ kết, tổng kết: 6 tháng, năm, quý, tháng, hoặc một giai đoạn (--from/--to)",
    ),
    (
        "rollup",
        "Tổng hợp các cấp ủy trực thuộc: mỗi cấp ủy một dòng, tổng cộng, các sổ theo dõi gộp chung",
    ),
    (
        "report",
        "Bộ báo cáo để CI đăng tải: index.html (biểu đồ SVG trong trang), summary.md, data.json, notices/",
    ),
    (
        "list",
        "Danh sách hồ sơ một loại, mỗi hồ sơ một dòng, có lọc và sắp xếp",
    ),
    (
        "show",
        "Một hồ sơ kèm các thông tin tính ra (thời hạn, trạng thái), hoặc cách tính số liệu của một chỉ tiêu",
    ),
    (
        "new",
        "Tạo hồ sơ mới từ mẫu, với mã mới; không bao giờ ghi đè; in ra đường dẫn tệp",
    ),
    (
        "export",
        "Dữ liệu dạng bảng cho bảng tính và cơ sở dữ liệu: mỗi loại hồ sơ một tệp CSV hoặc JSON Lines",
    ),
    (
        "import",
        "Nhập sổ theo dõi Excel, ODS hoặc CSV thành hồ sơ, mỗi dòng một hồ sơ: nhập hết hoặc không nhập gì; \
         nhập lại chỉ thêm dòng mới",
    ),
    (
        "schema",
        "JSON Schema của danvan.toml, targets.toml và từng loại hồ sơ, để trình soạn thảo gợi ý và kiểm tra",
    ),
    (
        "completions",
        "Tự hoàn thành lệnh (completion) cho bash, zsh, fish, PowerShell hoặc elvish",
    ),
    (
        "init",
        "Tạo không gian hồ sơ mới từ mẫu tối giản có sẵn; không bao giờ ghi đè",
    ),
    ("man", "Trang hướng dẫn (man, định dạng roff), cùng nguồn với --help"),
];

/// The examples after each command's help, by its path: the command lines
/// of the English ones, with Vietnamese explanations.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "",
        "Ví dụ:
  danvan                          tổng quan của không gian hồ sơ (như `danvan status`)
  danvan check                    kiểm tra mọi hồ sơ, báo mọi lỗi
  danvan --lang en petitions --overdue
  danvan --records ~/hoso summary --by unit --period 2023",
    ),
    (
        "status",
        "Ví dụ:
  danvan                               tổng quan, tính đến hôm nay
  danvan status --as-of 2023-06-30     số liệu tại ngày 30/6/2023
  danvan --lang en status --format markdown >> \"$GITHUB_STEP_SUMMARY\"
  danvan status --format github --deny overdue    mỗi việc quá hạn một ::warning; có thì mã thoát 1",
    ),
    (
        "check",
        "Ví dụ:
  danvan check                          mọi lỗi và cảnh báo, kèm tệp:dòng:cột và dòng gợi ý cách sửa
  danvan check --format github          chú thích (annotation) cho một job GitHub Actions
  danvan check --format gitlab > gl-code-quality-report.json     cho GitLab Code Quality
  danvan check --format sarif > danvan.sarif                     cho GitHub code scanning
  danvan check petitions/2025/a.toml    chỉ các lỗi của những tệp này (pre-commit)
  danvan check --format json | jq '.[] | select(.severity == \"error\")'
  danvan check --deny warnings          có cảnh báo cũng tính là không đạt (cho CI)
  danvan check --explain E014           ý nghĩa của một mã lỗi và cách sửa",
    ),
    (
        "summary",
        "Ví dụ:
  danvan summary                                   mọi hồ sơ, theo loại
  danvan summary --kind petitions --by type        đơn theo loại, với số đã/đang giải quyết, quá hạn
  danvan summary --kind petitions --by unit --by year --period 2023
  danvan summary --kind petitions --by unit --fold-merged   đơn của xã đã sáp nhập tính vào xã mới
  danvan summary --kind meetings --by half --unit \"tan my\" --format csv > hoi-nghi.csv",
    ),
    (
        "progress",
        "Ví dụ:
  danvan progress                              mọi chỉ tiêu, tính đến hôm nay
  danvan progress --as-of 2023-06-30           số liệu tại ngày 30/6/2023
  danvan progress --by year                    số liệu cuối mỗi năm, kèm xu hướng
  danvan progress --target dvk-models --target ho-ngheo --format json
  danvan show dvk-models                       những hồ sơ tạo nên số liệu của một chỉ tiêu",
    ),
    (
        "petitions",
        "Ví dụ:
  danvan petitions                          mọi đơn, việc gấp nhất lên trước
  danvan petitions --overdue                chỉ các đơn quá hạn thụ lý hoặc quá hạn giải quyết
  danvan petitions --due-within 14          đơn chưa xong, đến hạn trong 14 ngày tới hoặc đã quá hạn
  danvan petitions --as-of 2023-06-30 --state due-soon --state overdue
  danvan petitions --type denunciation --unit \"tan my\" --format csv > to-cao.csv",
    ),
    (
        "notice",
        "Ví dụ:
  danvan notice 2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022
  danvan notice 2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022 -o tb-245.docx
  danvan notice 2022-07-12-btv-lam-viec-khoi-dan-van-6-thang-2022 --format html -o tb-245.html
  danvan notice --all --format docx --out-dir thong-bao/

Thông báo luôn bằng tiếng Việt, dù --lang là gì. Không có --format thì định
dạng theo phần mở rộng của -o (.txt, .md, .html, .docx), nếu không thì là
văn bản thuần. Muốn đổi cách trình bày, chép một mẫu (notice.txt.j2,
notice.md.j2, notice.html.j2, trong src/templates/ của mã nguồn danvan) vào
thư mục templates/ của không gian hồ sơ rồi sửa.",
    ),
    (
        "conclusions",
        "Ví dụ:
  danvan conclusions                              mọi nhiệm vụ, việc gấp nhất lên trước
  danvan conclusions --state overdue --state due-soon
  danvan conclusions --org mttq --period 2022     nhiệm vụ giao cho Mặt trận qua hội nghị năm 2022
  danvan conclusions --as-of 2022-10-25 --due-within 14
  danvan conclusions --format csv > nhiem-vu.csv

Trạng thái: overdue (quá hạn), due-soon (sắp đến hạn: trong --due-within ngày
tới), open (đang thực hiện), done-late (hoàn thành trễ), done (hoàn thành).
--period, --from và --to chọn theo ngày của hội nghị đã giao nhiệm vụ.",
    ),
    (
        "review",
        "Ví dụ:
  danvan review --period 2025-H1                      6 tháng đầu năm 2025, dạng văn bản thuần
  danvan review --period 2025 -o bao-cao-2025.docx    cả năm, thành tệp Word
  danvan review --period 2025-Q3 --format html -o q3.html
  danvan review --from 2021-01-01 --to 2025-12-31 -o tong-ket.docx    tổng kết cả nhiệm kỳ
  danvan review --period 2025-H1 --format json        mọi số liệu, để đối chiếu

Báo cáo luôn bằng tiếng Việt, dù --lang là gì. Không có --format thì định
dạng theo phần mở rộng của -o (.txt, .md, .html, .docx, .json), nếu không
thì là văn bản thuần. Số liệu lấy tại ngày cuối kỳ, hoặc tại ngày --as-of
nếu kỳ chưa kết thúc (báo cáo ghi \"tính đến ngày …\"). Phần văn phòng tự
viết để trong reviews/<PERIOD>.md, cạnh danvan.toml (reviews/2025-H1.md;
reviews/2021-01-01_2025-12-31.md cho --from/--to); phần đánh giá
(`assessment`) của hội nghị sơ kết, tổng kết cũng được đưa vào. Cơ quan ban
hành và người ký: mục [review] trong danvan.toml.",
    ),
    (
        "rollup",
        "Ví dụ:
  danvan rollup                                  các cấp ủy [[member]] trong danvan.toml của tỉnh
  danvan rollup communes/xa-lap-vo communes/xa-tan-my    các không gian hồ sơ này, tên theo thư mục
  danvan rollup --by committee --by type --kind petitions   đơn thư theo cấp ủy và loại đơn
  danvan rollup --format json > rollup.json
  danvan rollup -o rollup.xlsx                   mỗi bảng một trang tính

Mỗi cấp ủy một dòng (số hồ sơ, đơn đang giải quyết và quá hạn, đơn giải
quyết đúng hạn, nhiệm vụ quá hạn), dòng tổng cộng, chỉ tiêu của từng cấp
ủy, và sổ theo dõi những việc quá hạn hoặc sắp đến hạn, có cột cấp ủy. Mỗi
cấp ủy được tính theo lịch, quy định và chỉ tiêu của chính mình, cùng tại
một ngày. Cấp ủy có hồ sơ bị lỗi được nêu tên kèm số lỗi và không được cộng
vào tổng; các cấp ủy khác vẫn được tổng hợp, và lệnh thoát với mã 1.
Không có dữ liệu cá nhân.",
    ),
    (
        "report",
        "Ví dụ:
  danvan report --out public                   index.html, summary.md, data.json, registers.xlsx, notices/, reviews/
  danvan report --out public --as-of 2025-06-30
  cat public/summary.md >> \"$GITHUB_STEP_SUMMARY\"

reviews/ chứa các báo cáo sơ kết, tổng kết (danvan review) của 6 tháng và
của năm gần nhất đã kết thúc, dạng HTML và docx. Với không gian hồ sơ của
tỉnh (danvan.toml có liệt kê các cấp ủy trực thuộc [[member]]), bộ báo cáo
là bản tổng hợp (danvan rollup) gồm index.html, data.json, summary.md và
rollup.xlsx, kèm bộ báo cáo riêng của từng cấp ủy trong members/<id>/. Bộ
báo cáo không có dữ liệu cá nhân. Cùng hồ sơ và cùng ngày tính thì cho ra
các tệp giống hệt nhau từng byte, nên job CI có thể commit hoặc so sánh
(diff) chúng; ghi lại vào cùng thư mục thì thông báo nào không đổi được
giữ nguyên. Bộ báo cáo được tạo bên cạnh thư mục rồi mới thay vào khi đã
xong: lần chạy bị ngắt giữa chừng để nguyên bộ cũ và không để lại tệp tạm,
và các tệp riêng của bạn trong thư mục (README, .git) vẫn được giữ.",
    ),
    (
        "list",
        "Ví dụ:
  danvan list models --status active
  danvan list petitions --period 2023-H1 --sort deadline
  danvan list meetings --type dialogue --unit \"tân mỹ\" --format json
  danvan list conclusions --org mttq --status overdue",
    ),
    (
        "show",
        "Ví dụ:
  danvan show 2022-08-18-doi-thoai-tan-my
  danvan show petitions/2023-03-02-khieu-nai-tan-my --as-of 2023-03-20
  danvan show dvk-models                     cách tính số liệu của một chỉ tiêu
  danvan show 2023-03-02-khieu-nai-tan-my --reveal-personal   (dữ liệu cá nhân: chỉ hiện ở đây)",
    ),
    (
        "new",
        "Ví dụ:
  danvan new model --title \"Dòng sông không rác\" --unit \"tan my\" --org hoi-lhpn
  danvan new meeting --type dialogue --title \"Đối thoại xã Tân Mỹ\" --org btv --date 2025-08-18
  danvan new petition --type denunciation --unit \"tân mỹ\" --org ubnd --field dat-dai --edit
  git add \"$(danvan new model --title \"Cánh đồng kiểu mẫu\" --org hoi-nong-dan)\"

Tệp được ghi vào <kind>/<year>/<date>-<slug>.toml và đường dẫn được in ra;
mã đã có thì thêm -2, -3…; không ghi đè tệp nào. Mã gồm ngày và tên hồ sơ:
cùng tên, cùng ngày trên một nhánh khác sẽ ra cùng mã, và git báo xung đột
khi gộp các nhánh (đổi tên một tệp thành -2). Muốn dùng mẫu riêng, tạo
<workspace>/templates/new/model.toml (meeting.toml, petition.toml).
--edit mở $VISUAL, nếu không có thì $EDITOR (nếu không thì vi; notepad trên Windows).",
    ),
    (
        "export",
        "Ví dụ:
  danvan export --out export                   export/{models,meetings,petitions,conclusions,targets}.csv
  danvan export --format jsonl --out export    như trên, dạng JSON Lines (.jsonl)
  danvan export --kind petitions               một loại, in ra màn hình
  danvan export --out export --as-of 2024-12-31 --bom   trạng thái tại một ngày; thêm BOM cho Excel
  danvan export --format xlsx -o export.xlsx   sổ Excel, mỗi loại một trang (ô ngày, ô số của Excel)
  duckdb -c \"select state, count(*) from 'export/petitions.csv' group by state\"

Không có --out thì phải có đúng một --kind, và các dòng được in ra màn hình.
Mỗi hồ sơ đã có vào ngày tính là một dòng (kết luận: mỗi nhiệm vụ một dòng),
kèm trạng thái và thời hạn tại ngày đó; chỉ tiêu: mỗi chỉ tiêu một dòng, tình
hình tại ngày đó (như danvan progress). Dòng nào cũng kết thúc bằng các cột
file, as_of, committee và parent (với xã là tỉnh), nên tệp của nhiều cấp ủy
nối tiếp được vào nhau (examples/rollup/). Tên cột cố định, bằng tiếng Anh;
trong CSV các danh sách nối bằng ';'; ngày ghi YYYY-MM-DD. Không có dữ liệu
cá nhân.",
    ),
    (
        "import",
        "Ví dụ:
  danvan import petitions so-theo-doi-don-2023.xlsx          sổ theo dõi đơn thư
  danvan import petitions so-don.xlsx --dry-run              xem trước những gì sẽ ghi, không ghi gì
  danvan import models mo-hinh-dan-van-kheo.ods --sheet \"Năm 2024\"
  danvan import petitions don.csv --map map.toml              trang tính có tiêu đề cột khác
  danvan import meetings export.xlsx && danvan import petitions export.xlsx

Đọc được .xlsx, .xls, .ods và .csv (UTF-8, phân cách bằng ',' hoặc ';'). Cột
được nhận theo tiêu đề, tiếng Việt hoặc tiếng Anh, không phân biệt có dấu
hay không, chữ hoa hay thường (Ngày nhận, Loại đơn, Xã/Thị trấn, Họ tên, …),
kể cả khi phía trên có phần tiêu đề văn bản; --map khai báo các tiêu đề khác:
  [columns] \"Ngày tiếp nhận\" = \"received\"   \"Người đứng đơn\" = \"petitioner.name\"
Ngày ghi dd/mm/yyyy, d/m/yy hoặc ô kiểu ngày; \"x\"/\"có\" là có; đơn vị và
tổ chức ghi theo tên hoặc tên viết tắt (UBND, MTTQ, Hội LHPN).
Nhập hết hoặc không nhập gì: mọi lỗi được báo dạng TỆP:DÒNG:CỘT và không
ghi tệp nào (mã thoát 1). Nhập lại cùng trang tính (hoặc bản dài hơn) chỉ
thêm các dòng mới. Họ tên, địa chỉ, số điện thoại chỉ ghi vào [petitioner].",
    ),
    (
        "schema",
        "Ví dụ:
  danvan schema --out schema             ghi schema/{danvan,targets,model,meeting,petition}.json
  danvan schema --kind petition          in một schema ra màn hình
  # rồi mở đầu mỗi hồ sơ bằng một dòng mà trình soạn thảo đọc được (taplo, Even Better TOML):
  #:schema ../../schema/petition.json    (records/petitions/2025/<id>.toml)
  #:schema schema/danvan.json            (records/danvan.toml)

Không có --out thì phải có --kind: một schema được in ra màn hình.",
    ),
    (
        "completions",
        "Ví dụ:
  danvan completions bash > ~/.local/share/bash-completion/completions/danvan
  danvan completions zsh > ~/.zfunc/_danvan          (kèm fpath+=~/.zfunc trước compinit)
  danvan completions fish > ~/.config/fish/completions/danvan.fish
  danvan completions powershell >> $PROFILE

Các tệp lệnh này hoàn thành tên lệnh, tùy chọn và các tập giá trị cố định
(--state, --type, --status, --channel, KIND, --by, --format, mã của check
--explain). Muốn hoàn thành cả mã hồ sơ (`danvan show <TAB>`), hãy để shell
hỏi thẳng danvan, bằng dòng sau trong ~/.bashrc (hoặc ~/.zshrc với zsh;
fish: `COMPLETE=fish danvan | source` trong config.fish):
  source <(COMPLETE=bash danvan)",
    ),
    (
        "init",
        "Ví dụ:
  danvan init hoso                 không gian hồ sơ mới trong ./hoso
  cd hoso && git init && danvan check

Thư mục có thể đã có sẵn (thư mục trống, kho git có README); không tệp nào
trong đó bị thay: nếu đã có một tệp trùng với tệp của không gian hồ sơ thì
không ghi gì cả. Sửa danvan.toml trước tiên: tên cấp ủy, các đơn vị và tổ
chức, ngày nghỉ trong năm.",
    ),
    (
        "man",
        "Ví dụ:
  danvan man | man -l -                       đọc hướng dẫn ngay
  danvan man --out ~/.local/share/man/man1    danvan.1 và danvan-<command>.1 cho từng lệnh

Không có --out thì trang của chính danvan được in ra màn hình.",
    ),
];

/// The help of the arguments that mean the same wherever they are, by arg
/// id: the global options and the arguments commands share through
/// `#[command(flatten)]` (the filters, `--format` and `-o`, `--deny`).
/// A command whose argument of the same id means something else has its
/// own in [`ARGS`].
const SHARED: &[(&str, &str)] = &[
    (
        "records",
        "Thư mục không gian hồ sơ (chứa danvan.toml). Mặc định: thư mục gần nhất có danvan.toml, \
         tính từ thư mục hiện tại trở lên, nếu không có thì ./records",
    ),
    (
        "as_of",
        "Tính mọi số liệu đến ngày này (YYYY-MM-DD). Mặc định: hôm nay, theo utc_offset của không gian hồ sơ",
    ),
    (
        "lang",
        "Ngôn ngữ hiển thị. Mặc định: `lang` của không gian hồ sơ, nếu không có thì vi",
    ),
    (
        "color",
        "Tô màu: auto (khi in ra terminal, trừ khi có NO_COLOR), always (luôn luôn), never (không bao giờ)",
    ),
    (
        "no_pager",
        "In thẳng ra terminal, không qua trình xem từng trang (pager). Mặc định trên terminal: \
         DANVAN_PAGER, nếu không có thì PAGER, nếu không thì `less -FRX`",
    ),
    (
        "unit",
        "Chỉ hồ sơ thuộc các đơn vị này, ghi mã hoặc tên, có dấu hay không dấu đều được (\"tan my\")",
    ),
    (
        "org",
        "Chỉ hồ sơ của các tổ chức này (chủ trì, tham dự, giải quyết, được giao nhiệm vụ), ghi mã hoặc tên",
    ),
    ("types", "Chỉ hồ sơ thuộc loại này (review, dialogue, complaint, …)"),
    ("statuses", "Chỉ hồ sơ ở trạng thái này (active, overdue, done, …)"),
    ("tags", "Chỉ mô hình có nhãn này"),
    ("fields", "Chỉ đơn thuộc lĩnh vực này (dat-dai, moi-truong, …)"),
    (
        "period",
        "Chỉ hồ sơ có ngày trong kỳ này: 2022, 2022-H1, 2022-Q3, 2022-07",
    ),
    ("from", "Chỉ hồ sơ có ngày từ ngày này trở đi"),
    ("to", "Chỉ hồ sơ có ngày đến hết ngày này"),
    ("format", "Định dạng đầu ra"),
    (
        "file",
        "Ghi vào tệp này thay vì in ra màn hình (bắt buộc với xlsx; chỉ cần -o FILE.xlsx là hiểu --format xlsx)",
    ),
    (
        "deny",
        "Thoát với mã 1 khi có việc quá hạn (`overdue`) hoặc sắp đến hạn (`due-soon`): job CI buổi sáng \
         báo đỏ (ghi được nhiều lần)",
    ),
];

/// The help of each command's own arguments, by command path and arg id.
const ARGS: &[(&str, &str, &str)] = &[
    (
        "check",
        "files",
        "Chỉ báo lỗi của các tệp này (vẫn kiểm tra cả không gian hồ sơ, vì một tham chiếu có thể hỏng \
         ở tệp khác); chỉ thoát với mã 1 khi các tệp này có lỗi. pre-commit (`entry: danvan check`) \
         truyền tên tệp vào đây",
    ),
    ("check", "deny", "Coi cảnh báo như lỗi (có cảnh báo là thoát với mã 1)"),
    (
        "check",
        "explain",
        "Giải thích một mã lỗi hoặc cảnh báo (E014, hoặc tên của nó: quoted-date) rồi thoát",
    ),
    (
        "summary",
        "kind",
        "Loại hồ sơ cần đếm (ghi được nhiều lần); mặc định: mô hình, hội nghị và đơn thư",
    ),
    (
        "summary",
        "by",
        "Nhóm theo (ghi được nhiều lần: ghi hai lần ra bảng chéo)",
    ),
    (
        "summary",
        "fold_merged",
        "Với --by unit: hồ sơ của đơn vị đã thôi tồn tại được tính vào đơn vị mà nó sáp nhập vào (merged_into)",
    ),
    (
        "progress",
        "targets",
        "Chỉ xem chỉ tiêu có mã này (ghi được nhiều lần); mặc định: mọi chỉ tiêu",
    ),
    (
        "progress",
        "by",
        "Thêm số liệu cuối mỗi kỳ, từ số gốc (hoặc hồ sơ đầu tiên) đến hạn (hoặc đến ngày tính, nếu sớm hơn)",
    ),
    (
        "petitions",
        "overdue",
        "Chỉ các đơn quá hạn thụ lý hoặc quá hạn giải quyết",
    ),
    (
        "petitions",
        "due_within",
        "Chỉ các đơn chưa giải quyết xong, đến hạn trong N ngày tới (hoặc đã quá hạn); cũng là số ngày \
         được tính là \"sắp đến hạn\" (mặc định 7)",
    ),
    (
        "petitions",
        "state",
        "Chỉ các đơn ở trạng thái này (ghi được nhiều lần)",
    ),
    (
        "notice",
        "id",
        "Hội nghị cần in thông báo kết luận: mã hội nghị (tên tệp, bỏ .toml)",
    ),
    (
        "notice",
        "all",
        "Mọi hội nghị có [notice], mỗi hội nghị một tệp (<meeting-id>.<ext>) trong --out-dir",
    ),
    (
        "notice",
        "format",
        "Định dạng đầu ra [mặc định: theo phần mở rộng của -o, nếu không thì text]",
    ),
    (
        "notice",
        "output",
        "Ghi vào FILE thay vì in ra màn hình (ghi trọn một lần; tự tạo thư mục nếu chưa có)",
    ),
    (
        "notice",
        "out_dir",
        "Ghi <meeting-id>.<ext> vào DIR (tự tạo nếu chưa có)",
    ),
    (
        "conclusions",
        "state",
        "Chỉ các nhiệm vụ ở trạng thái này (ghi được nhiều lần)",
    ),
    ("conclusions", "due_within", "Số ngày tới được tính là \"sắp đến hạn\""),
    (
        "review",
        "period",
        "Kỳ báo cáo: 2025-H1, 2025-H2, 2025, 2025-Q3 hoặc 2025-07",
    ),
    (
        "review",
        "from",
        "Ngày đầu của giai đoạn báo cáo, dùng cùng --to (cả nhiệm kỳ: --from 2021-01-01 --to 2025-12-31)",
    ),
    ("review", "to", "Ngày cuối của giai đoạn báo cáo, dùng cùng --from"),
    (
        "review",
        "format",
        "Định dạng đầu ra [mặc định: theo phần mở rộng của -o, nếu không thì text]",
    ),
    (
        "review",
        "output",
        "Ghi vào FILE thay vì in ra màn hình (ghi trọn một lần; tự tạo thư mục nếu chưa có)",
    ),
    (
        "review",
        "number",
        "Số của báo cáo (\"12\" in thành \"Số 12-BC/…\"); không ghi thì để trống chỗ số để điền tay",
    ),
    (
        "review",
        "date",
        "Ngày ký báo cáo, ghi ở dòng ngày tháng [mặc định: ngày tính số liệu]",
    ),
    (
        "rollup",
        "dirs",
        "Không gian hồ sơ của các cấp ủy trực thuộc cần tổng hợp (mặc định: các [[member]] trong \
         danvan.toml của tỉnh)",
    ),
    (
        "rollup",
        "by",
        "Đếm thêm trên toàn bộ các cấp ủy theo tiêu chí này (ghi được nhiều lần, như `summary --by`; \
         `committee`: theo từng cấp ủy)",
    ),
    (
        "rollup",
        "kind",
        "Với --by: loại hồ sơ cần đếm (ghi được nhiều lần); mặc định: mô hình, hội nghị và đơn thư",
    ),
    (
        "rollup",
        "fold_merged",
        "Với --by unit: hồ sơ của đơn vị đã thôi tồn tại được tính vào đơn vị mà nó sáp nhập vào",
    ),
    (
        "rollup",
        "period",
        "Với --by: chỉ hồ sơ có ngày trong kỳ này (2026, 2026-H1, 2026-Q3, 2026-07)",
    ),
    ("rollup", "from", "Với --by: chỉ hồ sơ có ngày từ ngày này trở đi"),
    ("rollup", "to", "Với --by: chỉ hồ sơ có ngày đến hết ngày này"),
    (
        "report",
        "out",
        "Thư mục ghi bộ báo cáo, được thay trọn một lần (index.html, summary.md, data.json, \
         registers.xlsx, notices/; các tệp khác trong đó được giữ nguyên)",
    ),
    (
        "list",
        "kind",
        "models | meetings | petitions | conclusions (mô hình, hội nghị, đơn thư, nhiệm vụ kết luận; \
         ghi số ít, hoặc mo-hinh, hoi-nghi, don, ket-luan cũng được)",
    ),
    ("list", "sort", "Sắp xếp theo"),
    (
        "show",
        "id",
        "Mã hồ sơ (tên tệp, bỏ .toml), KIND/ID khi hai hồ sơ trùng mã, hoặc mã chỉ tiêu",
    ),
    (
        "show",
        "reveal_personal",
        "In cả dữ liệu cá nhân của người gửi đơn (được pháp luật bảo vệ: chỉ dùng khi được phép)",
    ),
    (
        "new",
        "kind",
        "model | meeting | petition (mô hình, hội nghị, đơn; ghi mo-hinh, hoi-nghi, don cũng được)",
    ),
    (
        "new",
        "title",
        "Tên hồ sơ (bắt buộc với mô hình và hội nghị); với đơn, một tên ngắn để đặt mã",
    ),
    (
        "new",
        "date",
        "Ngày của hồ sơ: ngày bắt đầu (mô hình), ngày họp (hội nghị), ngày nhận (đơn). Mặc định: hôm nay",
    ),
    (
        "new",
        "unit",
        "Đơn vị, ghi mã hoặc tên, có dấu hay không dấu đều được (ghi được nhiều lần)",
    ),
    (
        "new",
        "org",
        "Tổ chức, ghi mã hoặc tên: tổ chức chủ trì mô hình (bắt buộc), các tổ chức dự hội nghị \
         (ghi được nhiều lần), cơ quan giải quyết đơn",
    ),
    (
        "new",
        "type_word",
        "Hội nghị: review (sơ kết, tổng kết) | dialogue (đối thoại) | reception (tiếp công dân) | \
         conference (hội nghị); đơn: complaint (khiếu nại) | denunciation (tố cáo) | \
         recommendation (kiến nghị, phản ánh)",
    ),
    (
        "new",
        "status",
        "Mô hình: planned (dự kiến) | active (đang thực hiện) | completed (hoàn thành) | \
         suspended (tạm dừng) | dropped (dừng hẳn)",
    ),
    ("new", "tag", "Mô hình: một nhãn (ghi được nhiều lần)"),
    (
        "new",
        "summary",
        "Mô hình, đơn: nội dung tóm tắt (với đơn, không ghi dữ liệu cá nhân)",
    ),
    ("new", "chair", "Hội nghị: người chủ trì (\"Bí thư Huyện ủy\")"),
    (
        "new",
        "period",
        "Hội nghị: kỳ sơ kết, tổng kết: 2025, 2025-H1, 2025-Q3, 2025-07",
    ),
    (
        "new",
        "channel",
        "Đơn: mail (qua bưu điện) | reception (tiếp công dân) | dialogue (đối thoại) | \
         online (trực tuyến) | transfer (chuyển đến)",
    ),
    ("new", "field", "Đơn: lĩnh vực (dat-dai, moi-truong, …)"),
    (
        "new",
        "edit",
        "Mở tệp mới bằng trình soạn thảo ($VISUAL hoặc $EDITOR), rồi kiểm tra",
    ),
    ("export", "format", "Định dạng tệp"),
    (
        "export",
        "out",
        "Ghi vào thư mục này, mỗi loại một tệp (KIND.csv hoặc KIND.jsonl)",
    ),
    (
        "export",
        "kind",
        "Chỉ loại này: models, meetings, petitions, conclusions, targets (ghi được nhiều lần; mặc định: tất cả)",
    ),
    (
        "export",
        "file",
        "xlsx: tệp sổ Excel cần ghi (mặc định khi có --out: DIR/export.xlsx)",
    ),
    (
        "export",
        "bom",
        "CSV cho Excel: thêm dấu BOM UTF-8 để Excel đọc đúng tiếng Việt, và ô nào có thể bị chạy như \
         công thức (bắt đầu bằng =, +, -, @) được ghi thành chữ",
    ),
    (
        "import",
        "kind",
        "models | meetings | petitions (mô hình, hội nghị, đơn thư; ghi mo-hinh, hoi-nghi, don cũng được)",
    ),
    ("import", "file", "Tệp bảng tính: .xlsx, .xls, .ods hoặc .csv"),
    (
        "import",
        "sheet",
        "Trang tính cần đọc, ghi theo tên (mặc định: trang mang tên loại hồ sơ, nếu không có thì trang \
         có tiêu đề cột phù hợp)",
    ),
    (
        "import",
        "map",
        "Tệp TOML khai báo các tiêu đề cột khác: [columns] \"Header\" = \"field\"; header_row = N; [values.FIELD]",
    ),
    (
        "import",
        "dry_run",
        "In ra những gì sẽ được ghi (không hiện dữ liệu cá nhân), không ghi gì",
    ),
    (
        "schema",
        "out",
        "Ghi mọi schema (hoặc chỉ --kind) vào thư mục này, dạng NAME.json",
    ),
    ("schema", "kind", "Schema cần in (hoặc cần ghi, khi có --out)"),
    ("completions", "shell", "Shell cần tạo tệp lệnh hoàn thành"),
    ("init", "dir", "Thư mục của không gian hồ sơ mới (tự tạo nếu chưa có)"),
    ("man", "out", "Ghi danvan.1 và mỗi lệnh một trang vào thư mục này"),
];

/// `cmd` (danvan's, from `Cli::command()`) with the Vietnamese of every
/// description: about, examples, arguments and the values of
/// `--format`-like arguments, in every command.
pub fn localize(cmd: Command) -> Command {
    localize_at(cmd, "", &value_parsers())
}

fn localize_at(cmd: Command, path: &str, values: &[ValueParser]) -> Command {
    let mut cmd = cmd.mut_args(|arg| localize_arg(arg, path, values));
    if let Some(about) = lookup(ABOUT, path) {
        let (short, long) = paragraphs(about);
        cmd = cmd.about(short).long_about(long);
    }
    if let Some(examples) = lookup(EXAMPLES, path) {
        cmd = cmd.after_help(examples).after_long_help(None::<&str>);
    }
    // `mut_subcommands` and `mut_args` keep the order (positional
    // arguments are numbered in it), and touch only what exists.
    cmd.mut_subcommands(|sub| {
        let path = match path {
            "" => sub.get_name().to_owned(),
            _ => format!("{path} {}", sub.get_name()),
        };
        localize_at(sub, &path, values)
    })
}

fn localize_arg(mut arg: Arg, path: &str, values: &[ValueParser]) -> Arg {
    if let Some(text) = arg_help(path, arg.get_id().as_str()) {
        let (short, long) = paragraphs(text);
        arg = arg.help(short).long_help(long);
    }
    let typed = arg.get_value_parser().type_id();
    match values.iter().find(|p| p.type_id() == typed) {
        Some(parser) => arg.value_parser(parser.clone()),
        None => arg,
    }
}

/// The Vietnamese help of an argument: the command's own, else the shared one.
fn arg_help(path: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .map(|(_, _, text)| *text)
        .or_else(|| lookup(SHARED, id))
}

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
}

/// A help as clap's derive makes one from a doc comment: the first
/// paragraph for `-h`; the whole for `--help` when there is more.
fn paragraphs(text: &'static str) -> (&'static str, Option<&'static str>) {
    match text.split_once("\n\n") {
        Some((first, _)) => (first, Some(text)),
        None => (text, None),
    }
}

/// The parsers of the value enums whose values have their own help, with
/// that help in Vietnamese. An argument gets the one of its type, so a
/// value parses as before.
fn value_parsers() -> Vec<ValueParser> {
    use super::args::SchemaKind;
    use super::{check::CheckFormat, notice::NoticeFormat, review::ReviewFormat};
    use crate::render::{ExportFormat, Format};
    vec![
        values::<Format>(&[
            ("table", "Bảng để xem trên màn hình"),
            ("json", "JSON, khóa tiếng Anh cố định"),
            ("csv", "CSV (RFC 4180, UTF-8, có dòng tiêu đề)"),
            ("markdown", "Markdown kiểu GitHub"),
            ("xlsx", "Sổ Excel, mỗi bảng một trang tính (kèm -o FILE.xlsx)"),
            (
                "github",
                "Chú thích (annotation) GitHub Actions: mỗi việc quá hạn một ::warning, mỗi việc sắp đến \
                 hạn một ::notice (status, petitions, conclusions)",
            ),
        ]),
        values::<crate::report::Urgency>(&[("overdue", "Có việc đã quá hạn"), ("due-soon", "Có việc sắp đến hạn")]),
        values::<crate::report::summary::Dim>(&[(
            "committee",
            "Cấp ủy: trong `danvan rollup`, từng cấp ủy trực thuộc",
        )]),
        values::<CheckFormat>(&[
            ("human", "Văn bản để đọc, kèm dòng có lỗi trong tệp (kiểu rustc)"),
            ("json", "Một mảng JSON các lỗi và cảnh báo"),
            ("github", "Chú thích GitHub Actions (đường dẫn tính từ gốc kho git)"),
            (
                "gitlab",
                "JSON cho GitLab Code Quality, có dấu vân tay (fingerprint) ổn định",
            ),
            ("sarif", "SARIF 2.1.0 cho GitHub code scanning, có dấu vân tay ổn định"),
        ]),
        values::<ExportFormat>(&[
            ("csv", "CSV (RFC 4180, UTF-8, có dòng tiêu đề; danh sách nối bằng `;`)"),
            ("jsonl", "JSON Lines: mỗi dòng một đối tượng JSON (danh sách là mảng)"),
            (
                "xlsx",
                "Một sổ Excel, mỗi loại một trang tính (-o FILE.xlsx, hoặc DIR/export.xlsx khi có --out)",
            ),
        ]),
        values::<NoticeFormat>(&[
            ("text", "Văn bản thuần, 78 cột"),
            ("markdown", "Markdown kiểu GitHub"),
            ("html", "Trang HTML khổ A4, trọn trong một tệp, in được ngay"),
            ("docx", "Tệp Word (cần -o hoặc --out-dir, hoặc chuyển qua ống lệnh |)"),
        ]),
        values::<ReviewFormat>(&[
            ("text", "Văn bản thuần, 78 cột"),
            ("markdown", "Markdown kiểu GitHub"),
            ("html", "Trang HTML khổ A4, trọn trong một tệp, in được ngay"),
            ("docx", "Tệp Word (cần -o, hoặc chuyển qua ống lệnh |)"),
            ("json", "Mọi số liệu, khóa tiếng Anh cố định"),
        ]),
        values::<SchemaKind>(&[
            ("danvan", "Tệp danvan.toml"),
            ("targets", "Tệp targets.toml"),
            ("model", "Tệp models/**/<id>.toml"),
            ("meeting", "Tệp meetings/**/<id>.toml"),
            ("petition", "Tệp petitions/**/<id>.toml"),
            (
                "data",
                "data.json của `danvan report` (không phải tệp hồ sơ: --out không ghi nếu không có --kind)",
            ),
        ]),
    ]
}

/// The parser of the value enum `E`, with these helps of its values (by name).
fn values<E: ValueEnum + Clone + Send + Sync + 'static>(helps: &'static [(&'static str, &'static str)]) -> ValueParser {
    debug_assert!(
        helps.iter().all(|(name, _)| E::from_str(name, false).is_ok()),
        "a value that is not one: {helps:?}"
    );
    ValueParser::new(Values::<E> {
        helps,
        of: std::marker::PhantomData,
    })
}

/// Reads a value as clap's parser of `E` does; offers its values with
/// their Vietnamese help.
#[derive(Clone)]
struct Values<E> {
    helps: &'static [(&'static str, &'static str)],
    of: std::marker::PhantomData<fn() -> E>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Values<E> {
    type Value = E;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &std::ffi::OsStr) -> Result<E, clap::Error> {
        EnumValueParser::<E>::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            E::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value)
                .map(|v| match lookup(self.helps, v.get_name()) {
                    Some(help) => v.help(help),
                    None => v,
                }),
        ))
    }
}

/// A built `cmd` with what clap added to it in Vietnamese too: the help
/// and version options and the `help` command. The man page and the shell
/// completions show them; `--help` has them from [`words`].
pub fn clap_own(cmd: Command) -> Command {
    use clap::ArgAction::{Help, HelpLong, HelpShort, Version};
    let cmd = cmd.mut_args(|arg| {
        if !matches!(arg.get_action(), Help | HelpShort | HelpLong | Version) {
            return arg;
        }
        let help = arg.get_help().map(|h| words(&h.to_string()));
        let long = arg.get_long_help().map(|h| words(&h.to_string()));
        let arg = match help {
            Some(help) => arg.help(help),
            None => arg,
        };
        match long {
            Some(long) => arg.long_help(long),
            None => arg,
        }
    });
    cmd.mut_subcommands(|sub| {
        let about = sub.get_about().map(|a| words(&a.to_string()));
        match about {
            Some(about) if sub.get_name() == "help" => clap_own(sub.about(about)),
            _ => clap_own(sub),
        }
    })
}

/// clap's own words in the help it printed, and their Vietnamese.
const WORDS: &[(&str, &str)] = &[
    ("Usage: ", "Cách dùng: "),
    ("Options:", "Tùy chọn:"),
    ("Commands:", "Lệnh:"),
    ("Arguments:", "Đối số:"),
    (
        "Print this message or the help of the given subcommand(s)",
        "In trợ giúp này, hoặc của lệnh được nêu",
    ),
    ("Print help (see a summary with '-h')", "In trợ giúp (bản tóm tắt: -h)"),
    ("Print help (see more with '--help')", "In trợ giúp (đầy đủ: --help)"),
    ("Print help", "In trợ giúp"),
    ("Print version", "In số phiên bản"),
    ("[default: ", "[mặc định: "),
    ("[possible values: ", "[các giá trị: "),
    ("[env: ", "[biến môi trường: "),
    ("[aliases: ", "[tên khác: "),
    ("[alias: ", "[tên khác: "),
    ("Possible values:", "Các giá trị:"),
    ("(see more with '--help')", "(xem thêm với --help)"),
    ("[OPTIONS]", "[TÙY_CHỌN]"),
    ("[COMMAND]", "[LỆNH]"),
    ("<COMMAND>", "<LỆNH>"),
];

/// `--help` with clap's own words in Vietnamese: the headings, its help
/// and version lines, the `[default: …]` and `[possible values: …]`
/// notes, also where clap broke them over two lines. (The descriptions
/// are [`localize`]'s.)
pub fn words(help: &str) -> String {
    WORDS
        .iter()
        .fold(help.to_owned(), |text, (en, vi)| replace_wrapped(&text, en, vi))
}

/// `text` with `en` replaced by `vi`, also where clap's wrapping made a
/// space of `en` a line break and indentation. The break then moves after
/// `vi` when `en` ends with a space (`[default: ` before the value), and
/// is dropped otherwise.
fn replace_wrapped(text: &str, en: &str, vi: &str) -> String {
    let words: Vec<&str> = en.split(' ').collect();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(words[0]) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let mut end = words[0].len();
        let mut gaps = Vec::new();
        for word in &words[1..] {
            let gap = from[end..].len() - from[end..].trim_start_matches([' ', '\n']).len();
            let spaces = &from[end..end + gap];
            if !(spaces == " " || spaces.starts_with('\n') && !spaces[1..].contains('\n')) {
                break;
            }
            if !from[end + gap..].starts_with(word) {
                break;
            }
            gaps.push(spaces);
            end += gap + word.len();
        }
        if gaps.len() + 1 < words.len() {
            out.push_str(&from[..words[0].len()]);
            rest = &from[words[0].len()..];
            continue;
        }
        match gaps.iter().find(|g| g.starts_with('\n')) {
            Some(line_break) if en.ends_with(' ') => {
                out.push_str(vi.trim_end());
                out.push_str(line_break);
            }
            _ => out.push_str(vi),
        }
        rest = &from[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::{CommandFactory, FromArgMatches};
    use unicode_width::UnicodeWidthStr;

    /// Every command of a built command tree with its path, but clap's `help`.
    fn commands(cmd: &Command) -> Vec<(String, &Command)> {
        fn walk<'a>(cmd: &'a Command, path: String, out: &mut Vec<(String, &'a Command)>) {
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let sub_path = match path.as_str() {
                    "" => sub.get_name().to_owned(),
                    _ => format!("{path} {}", sub.get_name()),
                };
                walk(sub, sub_path, out);
            }
            out.push((path, cmd));
        }
        let mut out = Vec::new();
        walk(cmd, String::new(), &mut out);
        out
    }

    fn built(cmd: Command) -> Command {
        let mut cmd = cmd;
        cmd.build();
        cmd
    }

    fn text(s: Option<&clap::builder::StyledStr>) -> Option<String> {
        s.map(|s| s.to_string())
    }

    /// The command lines of an examples block: what comes before the
    /// explanation (two spaces or more) on the lines that run danvan.
    fn command_lines(examples: &str) -> Vec<&str> {
        examples
            .lines()
            .filter_map(|l| l.strip_prefix("  "))
            .filter(|l| l.starts_with("danvan"))
            .map(|l| l.split("  ").next().unwrap_or(l))
            .collect()
    }

    /// A new command or option without its Vietnamese fails here: every
    /// command has a Vietnamese about and examples (the same command lines
    /// as the English), every visible argument but clap's --help and
    /// --version (whose words are [`words`]'s) a Vietnamese help, and every
    /// value with a help of its own a Vietnamese one.
    #[test]
    fn every_description_has_its_vietnamese() {
        let en = built(Cli::command());
        let vi = built(localize(Cli::command()));
        let (en_all, vi_all) = (commands(&en), commands(&vi));
        assert_eq!(en_all.len(), vi_all.len());
        assert!(en_all.len() >= 20, "{} commands", en_all.len());
        for ((path, en), (vi_path, vi)) in en_all.iter().zip(&vi_all) {
            assert_eq!(path, vi_path);
            let (en_about, vi_about) = (text(en.get_about()), text(vi.get_about()));
            assert!(
                vi_about.is_some() && vi_about != en_about,
                "`{path}` has no Vietnamese about"
            );
            if en.get_long_about().is_some() {
                assert!(
                    vi.get_long_about().is_some() && text(vi.get_long_about()) != text(en.get_long_about()),
                    "`{path}` has no Vietnamese long about"
                );
            }
            if let Some(en_examples) = text(en.get_after_help()) {
                let vi_examples = text(vi.get_after_help()).unwrap_or_default();
                assert!(vi_examples.starts_with("Ví dụ:\n"), "`{path}`: {vi_examples}");
                let vi_lines = command_lines(&vi_examples);
                for line in command_lines(&en_examples) {
                    assert!(
                        vi_lines.contains(&line),
                        "`{path}`: the example `{line}` is not in Vietnamese"
                    );
                }
                assert_eq!(vi_lines.len(), command_lines(&en_examples).len(), "`{path}`");
                for line in vi_examples.lines() {
                    assert!(
                        line.width() <= 100 || en_examples.lines().any(|l| l == line),
                        "`{path}`: wider than --help (100 columns): {line}"
                    );
                }
            }
            for en_arg in en.get_arguments().filter(|a| !a.is_hide_set()) {
                let id = en_arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                let vi_arg = vi.get_arguments().find(|a| a.get_id() == id).unwrap();
                let (en_help, vi_help) = (text(en_arg.get_help()), text(vi_arg.get_help()));
                assert!(
                    vi_help.is_some() && vi_help != en_help,
                    "`{path}` {id}: no Vietnamese help for {en_help:?}"
                );
                if en_arg.get_long_help().is_some() {
                    assert!(
                        text(vi_arg.get_long_help()) != text(en_arg.get_long_help()),
                        "`{path}` {id}: no Vietnamese long help"
                    );
                }
                assert_eq!(
                    vi_arg.get_value_parser().type_id(),
                    en_arg.get_value_parser().type_id(),
                    "`{path}` {id}"
                );
                let vi_values = vi_arg.get_possible_values();
                assert_eq!(vi_values.len(), en_arg.get_possible_values().len(), "`{path}` {id}");
                for value in en_arg.get_possible_values() {
                    let Some(en_value) = value.get_help() else { continue };
                    let vi_value = vi_values.iter().find(|v| v.get_name() == value.get_name()).unwrap();
                    assert!(
                        vi_value
                            .get_help()
                            .is_some_and(|h| h.to_string() != en_value.to_string()),
                        "`{path}` {id} {}: no Vietnamese help for {en_value}",
                        value.get_name()
                    );
                }
            }
        }
    }

    /// No entry names a command or argument that is gone, and a shared
    /// help is only used where the argument means the same (its English is
    /// the same): a command whose `--period` means something else needs
    /// its own entry.
    #[test]
    fn no_entry_is_stale_or_shared_where_the_meaning_differs() {
        let en = built(Cli::command());
        let all = commands(&en);
        let find = |path: &str| all.iter().find(|(p, _)| p == path).map(|(_, c)| *c);
        for (path, _) in ABOUT.iter().chain(EXAMPLES) {
            assert!(find(path).is_some(), "no command `{path}`");
        }
        for (path, id, _) in ARGS {
            let cmd = find(path).unwrap_or_else(|| panic!("no command `{path}`"));
            assert!(cmd.get_arguments().any(|a| a.get_id() == id), "`{path}` has no {id}");
        }
        for (id, _) in SHARED {
            let english: std::collections::BTreeSet<String> = all
                .iter()
                .filter(|(path, _)| !ARGS.iter().any(|(p, i, _)| p == path && i == id))
                .flat_map(|(_, c)| c.get_arguments().filter(|a| a.get_id() == id))
                .filter_map(|a| text(a.get_help()))
                .collect();
            assert_eq!(english.len(), 1, "the shared {id} stands for: {english:?}");
        }
    }

    /// The values of the value enums whose help is Vietnamese parse as before.
    #[test]
    fn the_values_with_vietnamese_help_still_parse() {
        for line in [
            "status --format markdown --deny due-soon",
            "check --format sarif",
            "export --format jsonl --kind petitions",
            "notice m1 --format html",
            "review --period 2025 --format docx",
            "schema --kind data",
            "summary --by committee",
            "rollup --by committee",
            "list models --sort title --format xlsx -o a.xlsx",
        ] {
            let args = std::iter::once("danvan").chain(line.split(' '));
            let matches = localize(Cli::command()).try_get_matches_from(args).unwrap();
            let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| panic!("{line}: {e}"));
            if let Some(crate::cli::Command::Check(check)) = cli.command {
                assert_eq!(check.format, crate::cli::check::CheckFormat::Sarif);
            }
        }
        let wrong = localize(Cli::command()).try_get_matches_from(["danvan", "check", "--format", "xml"]);
        assert_eq!(wrong.unwrap_err().kind(), clap::error::ErrorKind::InvalidValue);
    }

    #[test]
    fn every_text_is_composed() {
        let texts = ABOUT
            .iter()
            .chain(EXAMPLES)
            .chain(SHARED)
            .map(|(_, t)| *t)
            .chain(ARGS.iter().map(|(_, _, t)| *t));
        for text in texts {
            assert_eq!(crate::text::nfc(text), text, "not NFC: {text}");
        }
    }

    #[test]
    fn clap_words_are_translated_where_clap_wrapped_them() {
        assert_eq!(
            words("vi [possible\n          values: vi, en]"),
            "vi [các giá trị:\n          vi, en]"
        );
        assert_eq!(
            words("never [default:\n          auto] [possible values: a, b]"),
            "never [mặc định:\n          auto] [các giá trị: a, b]"
        );
        assert_eq!(
            words("  -h, --help  Print help (see more\n              with '--help')\n"),
            "  -h, --help  In trợ giúp (đầy đủ: --help)\n"
        );
        // Words that only begin like clap's stay as they are.
        assert_eq!(words("[default values]"), "[default values]");
        assert_eq!(words("Print\n\nhelp"), "Print\n\nhelp");
    }
}
