#include "workbook/workbook_file.h"

#include <xlsxwriter.h>

#include <cstring>
#include <ctime>
#include <map>

namespace ashyq::workbook {

namespace {

// 1980-01-01T00:00:00Z, the first date a ZIP entry can carry: the file reads no clock.
constexpr std::time_t kCreated = 315532800;
// Drop-downs and column formats reach this far below the headers, for rows an NGO adds.
constexpr int kFormattedRows = 500;

struct Instruction {
  const char* kk;
  const char* ru;
};

// What the Instructions sheet says, paragraph by paragraph, in both languages.
const Instruction kInstructions[] = {
    {"Грант есебінің жұмыс кітабы", "Рабочая книга отчёта по гранту"},
    {"Бұл кітап порталдағы бір гранттың жазбасы: оператордың нысандарындағы әр кесте — жеке "
     "парақ. Толтырып болған соң оны порталға `ashyq import ФАЙЛ.xlsx` командасымен жүктеңіз: "
     "команда әр ұяшықты тексереді, қате болса парақ пен ұяшықты атайды (мысалы, Budget!G12) "
     "және ештеңені өзгертпейді.",
     "Эта книга — запись одного гранта на портале: каждая таблица форм оператора — отдельный "
     "лист. Заполнив её, загрузите на портал командой `ashyq import ФАЙЛ.xlsx`: команда проверяет "
     "каждую ячейку, при ошибке называет лист и ячейку (например, Budget!G12) и ничего не "
     "меняет."},
    {"Мәтіндер: қазақша және орысша бағандар қатар тұр. Бір тілдегі мәтін болмаса, ұяшықты бос "
     "қалдырыңыз — портал оны аударма деп жазбайды, тек бар мәтінді көрсетеді.",
     "Тексты: столбцы на казахском и на русском стоят рядом. Если текста на одном языке нет, "
     "оставьте ячейку пустой: портал покажет имеющийся текст и не выдаст его за перевод."},
    {"Күндер: мәтін ретінде, 2024-04-30 (жыл-ай-күн), 2024-04 (ай) немесе 2024 (жыл). "
     "30.04.2024 сияқты жазу қабылданбайды, импорт дұрыс түрін ұсынады.",
     "Даты: текстом, 2024-04-30 (год-месяц-день), 2024-04 (месяц) или 2024 (год). Запись вида "
     "30.04.2024 не принимается, импорт подскажет правильную."},
    {"Сомалар: теңгемен, бүтін сан, бос орынсыз және ₸ белгісіз (1500000). Формула жазбаңыз: "
     "импорт тек мәндерді оқиды.",
     "Суммы: в тенге, целым числом, без пробелов и знака ₸ (1500000). Не пишите формул: импорт "
     "читает только значения."},
    {"Бос ұяшық — «көрсетілмеген»: портал оны 0 деп көрсетпейді. Қатысушылар мен әсер "
     "кестелеріндегі бос ұяшық есепте сан жоқ дегенді білдіреді.",
     "Пустая ячейка — «не указано»: портал не покажет её как 0. Пустая ячейка в таблицах "
     "участников и эффекта означает, что в отчёте числа нет."},
    {"Тізімдер: өңір, бағыт, ұйым, мәртебе, бюджет бөлімі, қаржы көзі және басқалар ұяшықтағы "
     "тізімнен таңдалады; әр кодтың мағынасы Lists парағында.",
     "Списки: регион, направление, организация, статус, раздел бюджета, источник средств и "
     "другие выбираются из списка в ячейке; значение каждого кода — на листе Lists."},
    {"Жол қосу: кестеде — келесі бос жолға жазыңыз. Grant, Impact, Participants парақтарында A "
     "бағанындағы кілт өрісті атайды: тізім өрісіне (өңірлер, нысаналы топтар) жаңа жол қосып, "
     "кілтті көшіріңіз. Бағандардың тақырыптарын, парақтардың атын өзгертпеңіз, ұяшықтарды "
     "біріктірмеңіз.",
     "Добавление строк: в таблице — пишите в следующую пустую строку. На листах Grant, Impact, "
     "Participants ключ в столбце A называет поле: для поля-списка (регионы, целевые группы) "
     "вставьте строку и скопируйте ключ. Не меняйте заголовки столбцов и названия листов, не "
     "объединяйте ячейки."},
    {"Жеке адамдардың телефоны, мекенжайы, электрондық поштасы жарияланбайды: олар мәтінде "
     "болса, портал құрастыруды тоқтатады.",
     "Телефоны, адреса и электронная почта частных лиц не публикуются: если они есть в тексте, "
     "портал остановит сборку."},
};

class FileWriter {
 public:
  FileWriter(const std::filesystem::path& path, const std::string& display) : display_(display) {
    workbook_ = workbook_new(path.c_str());
  }
  ~FileWriter() {
    if (workbook_) workbook_close(workbook_);
  }

  Status write(const Grid& grid, const std::vector<List>& lists) {
    if (!workbook_) return Status::io_error(display_, display_ + ": cannot create the file");
    lxw_doc_properties properties;
    std::memset(&properties, 0, sizeof properties);
    std::string title = "Ashyq: грант есебі / отчёт по гранту";
    properties.title = title.data();
    properties.created = kCreated;
    workbook_set_properties(workbook_, &properties);
    make_formats();
    instructions();
    // The Lists sheet is written after the data sheets but its ranges are known now.
    for (std::size_t i = 0; i < lists.size(); ++i) {
      const std::string column = cell_name(1, static_cast<int>(i) * 3 + 1);
      const std::string letters = column.substr(0, column.size() - 1);
      list_ranges_[lists[i].name] =
          "=Lists!$" + letters + "$3:$" + letters + "$" + std::to_string(lists[i].items.size() + 2);
    }
    for (const Sheet& layout : grant_sheets()) {
      const GridSheet* sheet = grid.sheet(layout.name);
      if (sheet)
        if (Status s = data_sheet(layout, *sheet); !s.ok()) return s;
    }
    lists_sheet(lists);
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;
    if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR)
      return Status::io_error(display_,
                              display_ + ": cannot write the workbook: " + lxw_strerror(error));
    return Status();
  }

 private:
  void make_formats() {
    header_ = workbook_add_format(workbook_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xDDE8F3);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
    text_ = workbook_add_format(workbook_);
    format_set_num_format(text_, "@");
    format_set_text_wrap(text_);
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    key_ = workbook_add_format(workbook_);
    format_set_num_format(key_, "@");
    format_set_font_color(key_, 0x595959);
    format_set_align(key_, LXW_ALIGN_VERTICAL_TOP);
    label_ = workbook_add_format(workbook_);
    format_set_text_wrap(label_);
    format_set_align(label_, LXW_ALIGN_VERTICAL_TOP);
    money_ = workbook_add_format(workbook_);
    format_set_num_format(money_, "#,##0");
    format_set_align(money_, LXW_ALIGN_VERTICAL_TOP);
    integer_ = workbook_add_format(workbook_);
    format_set_num_format(integer_, "0");
    format_set_align(integer_, LXW_ALIGN_VERTICAL_TOP);
    number_ = workbook_add_format(workbook_);
    format_set_num_format(number_, "General");
    format_set_align(number_, LXW_ALIGN_VERTICAL_TOP);
    title_ = workbook_add_format(workbook_);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
  }

  lxw_format* format_of(Kind kind) const {
    switch (kind) {
      case Kind::money:
        return money_;
      case Kind::integer:
      case Kind::count:
        return integer_;
      case Kind::number:
      case Kind::boolean:
        return number_;
      default:
        return text_;
    }
  }

  static double width_of(Kind kind) {
    switch (kind) {
      case Kind::text:
        return 40;
      case Kind::string:
        return 28;
      case Kind::money:
        return 16;
      case Kind::date:
      case Kind::range:
        return 12;
      default:
        return 14;
    }
  }

  void instructions() {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, "Instructions");
    worksheet_set_column(sheet, 0, 1, 70, label_);
    lxw_row_t row = 0;
    for (const Instruction& p : kInstructions) {
      lxw_format* format = row == 0 ? title_ : label_;
      worksheet_write_string(sheet, row, 0, p.kk, format);
      worksheet_write_string(sheet, row, 1, p.ru, format);
      ++row;
    }
    ++row;
    worksheet_write_string(sheet, row, 0, "Парақтар", header_);
    worksheet_write_string(sheet, row, 1, "Листы", header_);
    ++row;
    for (const Sheet& layout : grant_sheets()) {
      if (layout.hidden) continue;
      worksheet_write_string(sheet, row, 0, (layout.name + ": " + layout.kk).c_str(), label_);
      worksheet_write_string(sheet, row, 1, (layout.name + ": " + layout.ru).c_str(), label_);
      ++row;
    }
    worksheet_write_string(sheet, row, 0, "Lists: тізімдердің кодтары", label_);
    worksheet_write_string(sheet, row, 1, "Lists: коды списков", label_);
  }

  void validation(lxw_worksheet* sheet, int first_row, int last_row, int column,
                  const Field& field) {
    if (field.kind != Kind::choice && field.kind != Kind::text) return;
    auto it = list_ranges_.find(field.list);
    if (it == list_ranges_.end()) return;
    // A text's two cells suggest the list's Kazakh names (its code column) and Russian names.
    const int cells = field.kind == Kind::text ? 2 : 1;
    for (int i = 0; i < cells; ++i) {
      std::string formula = i == 0 ? it->second : shifted(it->second, 2);
      lxw_data_validation v;
      std::memset(&v, 0, sizeof v);
      v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      v.value_formula = formula.data();
      // A code of a fixed list is refused at once; a region, organisation or unit the site does
      // not know yet is only warned about (validation names a region or organisation missing).
      v.error_type = fixed_codes(field.list).empty() ? LXW_VALIDATION_ERROR_TYPE_WARNING
                                                     : LXW_VALIDATION_ERROR_TYPE_STOP;
      worksheet_data_validation_range(
          sheet, static_cast<lxw_row_t>(first_row - 1), static_cast<lxw_col_t>(column + i - 1),
          static_cast<lxw_row_t>(last_row - 1), static_cast<lxw_col_t>(column + i - 1), &v);
    }
  }

  // A range "=Lists!$A$3:$A$9" moved `by` columns to the right ("=Lists!$C$3:$C$9").
  static std::string shifted(const std::string& range, int by) {
    const std::size_t first = range.find('$') + 1, first_end = range.find('$', first);
    const std::string letters = range.substr(first, first_end - first);
    int column = 0;
    for (char c : letters) column = column * 26 + (c - 'A' + 1);
    const std::string name = cell_name(1, column + by);
    const std::string moved = name.substr(0, name.size() - 1);
    std::string out = range;
    const std::string from = "$" + letters + "$", to = "$" + moved + "$";
    for (std::size_t at = out.find(from); at != std::string::npos;
         at = out.find(from, at + to.size()))
      out.replace(at, from.size(), to);
    return out;
  }

  Status cell(lxw_worksheet* sheet, int row, int column, const GridCell& c, lxw_format* format) {
    const auto r = static_cast<lxw_row_t>(row - 1);
    const auto col = static_cast<lxw_col_t>(column - 1);
    lxw_error error = LXW_NO_ERROR;
    switch (c.type) {
      case GridCell::Type::number:
        error = worksheet_write_number(sheet, r, col, c.number, format);
        break;
      case GridCell::Type::boolean:
        error = worksheet_write_boolean(sheet, r, col, c.number != 0, format);
        break;
      default:
        error = worksheet_write_string(sheet, r, col, c.text.c_str(), format);
    }
    if (error == LXW_NO_ERROR) return Status();
    return Status::invalid_argument(display_ + ": " + cell_name(row, column) + ": " +
                                        lxw_strerror(error) +
                                        (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED
                                             ? " (a cell holds 32 767 characters at most)"
                                             : ""),
                                    display_);
  }

  Status data_sheet(const Sheet& layout, const GridSheet& grid) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, layout.name.c_str());
    if (!sheet)
      return Status::io_error(display_, display_ + ": cannot add the sheet " + layout.name);
    if (layout.hidden) worksheet_hide(sheet);
    const std::vector<Header> heads = headers(layout);
    for (std::size_t c = 0; c < heads.size(); ++c) {
      worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), heads[c].kk.c_str(), header_);
      worksheet_write_string(sheet, 1, static_cast<lxw_col_t>(c), heads[c].ru.c_str(), header_);
    }
    if (layout.form) {
      worksheet_set_column(sheet, 0, 0, 22, key_);
      worksheet_set_column(sheet, 1, 2, 30, label_);
      worksheet_set_column(sheet, 3, static_cast<lxw_col_t>(heads.size() - 1), 36, text_);
      worksheet_freeze_panes(sheet, 2, 3);
      // Each row's value cells take the format and drop-down of its field.
      for (int row = kFirstRow; row <= grid.rows; ++row) {
        const GridCell* key = grid.at(row, 1);
        const FormRow* form_row = nullptr;
        for (const FormRow& r : layout.rows)
          if (key && r.key == key->text) form_row = &r;
        for (int column = 1; column <= 3; ++column)
          if (const GridCell* c = grid.at(row, column))
            if (Status s = cell(sheet, row, column, *c, column == 1 ? key_ : label_); !s.ok())
              return s;
        if (!form_row) continue;
        int column = 4;
        for (const Field& field : form_row->fields) {
          for (int i = 0; i < width(field.kind); ++i) {
            lxw_format* format = format_of(field.kind == Kind::range ? Kind::date : field.kind);
            if (const GridCell* c = grid.at(row, column + i)) {
              if (Status s = cell(sheet, row, column + i, *c, format); !s.ok()) return s;
            } else {
              worksheet_write_blank(sheet, static_cast<lxw_row_t>(row - 1),
                                    static_cast<lxw_col_t>(column + i - 1), format);
            }
          }
          validation(sheet, row, row, column, field);
          column += width(field.kind);
        }
        if (form_row->presence) {
          const int last = static_cast<int>(heads.size());
          if (const GridCell* c = grid.at(row, last)) {
            if (Status s = cell(sheet, row, last, *c, number_); !s.ok()) return s;
          } else {
            worksheet_write_blank(sheet, static_cast<lxw_row_t>(row - 1),
                                  static_cast<lxw_col_t>(last - 1), number_);
          }
        }
      }
      return Status();
    }
    // A table: each column's format and drop-down reach past the rows, for rows the NGO adds.
    int column = 1;
    const int last_row = std::max(grid.rows, kFirstRow - 1) + kFormattedRows;
    std::vector<lxw_format*> formats(heads.size() + 1, text_);
    if (!layout.parent_key.empty()) {
      worksheet_set_column(sheet, 0, 0, 14, text_);
      ++column;
    }
    for (const Field& field : layout.columns) {
      for (int i = 0; i < width(field.kind); ++i) {
        lxw_format* format = format_of(field.kind == Kind::range ? Kind::date : field.kind);
        formats[static_cast<std::size_t>(column + i)] = format;
        worksheet_set_column(sheet, static_cast<lxw_col_t>(column + i - 1),
                             static_cast<lxw_col_t>(column + i - 1), width_of(field.kind), format);
      }
      validation(sheet, kFirstRow, last_row, column, field);
      column += width(field.kind);
    }
    worksheet_freeze_panes(sheet, 2, 0);
    for (const auto& [place, c] : grid.cells) {
      if (place.first < kFirstRow) continue;
      const auto index = static_cast<std::size_t>(place.second);
      if (Status s = cell(sheet, place.first, place.second, c,
                          index < formats.size() ? formats[index] : text_);
          !s.ok())
        return s;
    }
    return Status();
  }

  void lists_sheet(const std::vector<List>& lists) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, "Lists");
    for (std::size_t i = 0; i < lists.size(); ++i) {
      const auto c = static_cast<lxw_col_t>(i * 3);
      worksheet_set_column(sheet, c, c, 18, key_);
      worksheet_set_column(sheet, c + 1, c + 2, 30, label_);
      worksheet_write_string(sheet, 0, c, lists[i].name.c_str(), header_);
      worksheet_write_string(sheet, 1, c, "код", header_);
      worksheet_write_string(sheet, 1, c + 1, "қазақша", header_);
      worksheet_write_string(sheet, 1, c + 2, "на русском", header_);
      lxw_row_t row = 2;
      for (const ListItem& item : lists[i].items) {
        worksheet_write_string(sheet, row, c, item.code.c_str(), key_);
        worksheet_write_string(sheet, row, c + 1, item.kk.c_str(), label_);
        worksheet_write_string(sheet, row, c + 2, item.ru.c_str(), label_);
        ++row;
      }
    }
    worksheet_freeze_panes(sheet, 2, 0);
  }

  std::string display_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format *header_ = nullptr, *text_ = nullptr, *key_ = nullptr, *label_ = nullptr,
             *money_ = nullptr, *integer_ = nullptr, *number_ = nullptr, *title_ = nullptr;
  std::map<std::string, std::string> list_ranges_;
};

}  // namespace

Status write_workbook(const Grid& grid, const std::vector<List>& lists,
                      const std::filesystem::path& path, const std::string& display) {
  FileWriter writer(path, display);
  return writer.write(grid, lists);
}

}  // namespace ashyq::workbook
