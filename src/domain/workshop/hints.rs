//! A small library of the parts a report is made of, by what its heading says: the part's id,
//! its hint, what one item is called and how to write it. A heading that matches none gets an
//! empty hint, for the administrator to write. The texts are written for this project.

/// One kind of section.
pub struct Kind {
    /// The part's id in the template.
    pub id: &'static str,
    /// Words of a heading of this kind (any one matches).
    pub words: &'static [&'static str],
    pub hint: &'static str,
    /// What one item is called.
    pub item: &'static str,
    pub heading_hint: &'static str,
    pub body_hint: &'static str,
}

/// Checked in order: the first kind one of whose words the heading holds.
pub const KINDS: &[Kind] = &[
    Kind {
        id: "last_year",
        words: &["上年度", "上一年度", "上次", "上年"],
        hint: "写上一次查摆或反馈的问题有多少、已整改多少、还有多少在推进，以及整改的成效。已整改数与推进数之和应等于问题数。",
        item: "事项",
        heading_hint: "用一句话点明整改的一个方面；编号会自动加上。",
        body_hint: "写整改的做法和结果，用数字说话。",
    },
    Kind {
        id: "causes",
        words: &["原因"],
        hint: "从主观上分析问题产生的原因，一般从理论学习、思想认识、工作作风、制度执行等方面写，不把原因推给客观条件。",
        item: "原因",
        heading_hint: "用一句话点明一个原因；“一是”“二是”会自动加上。",
        body_hint: "写这一原因的具体表现。",
    },
    Kind {
        id: "rectification",
        words: &["整改落实", "整改进展", "整改情况"],
        hint: "逐条写反馈问题或查摆问题的整改情况：采取了哪些措施、进展到哪一步、还有哪些没有完成。",
        item: "问题",
        heading_hint: "写所整改问题的名称，如“关于……的问题”；编号会自动加上。",
        body_hint: "写整改措施和进展。",
    },
    Kind {
        id: "problems",
        words: &["问题", "不足", "差距", "短板"],
        hint: "先用一句话承上启下，再实事求是地一条一条写问题，每条写出具体表现，不写套话。每个问题在后面的措施里都应有回应。",
        item: "问题",
        heading_hint: "用一句话点明问题；编号会自动加上。",
        body_hint: "写问题的具体表现，最好有事例或数字。",
    },
    Kind {
        id: "measures",
        words: &["整改措施", "改进措施", "努力方向", "整改方向", "对策", "建议"],
        hint: "针对前面写的问题逐条提出措施，写清怎么做、谁负责、什么时候做到。",
        item: "措施",
        heading_hint: "用一个短语点明措施；编号会自动加上。",
        body_hint: "写具体做法、完成时限和责任人。",
    },
    Kind {
        id: "plans",
        words: &["打算", "计划", "思路", "下一步", "下步", "今后", "明年", "下一年"],
        hint: "先用一句话说明总体打算和目标，再分条写重点任务，每条写清做什么、做到什么程度、什么时候完成。",
        item: "打算",
        heading_hint: "用一个短语点明一项任务；编号会自动加上。",
        body_hint: "写具体做法、目标和时限。",
    },
    Kind {
        id: "practices",
        words: &["做法", "措施", "履职", "履行", "举措", "工作开展", "开展情况", "主要工作", "重点工作", "责任情况"],
        hint: "分几个方面写做了什么、怎么做的、效果如何，每个方面都有次数、人数等数字。",
        item: "方面",
        heading_hint: "用一个短语概括这一方面的工作；编号会自动加上。",
        body_hint: "写做法和成效，用数字说话。",
    },
    Kind {
        id: "overview",
        words: &["总体情况", "基本情况", "总体", "概况", "完成情况", "成效", "成绩", "情况"],
        hint: "先总述一段时间来的工作和主要数字，再分方面写。数字要与台账、统计一致。",
        item: "方面",
        heading_hint: "用一个短语概括这一方面；编号会自动加上。",
        body_hint: "写这一方面的工作和成效。",
    },
    Kind {
        id: "lessons",
        words: &["体会", "经验", "启示"],
        hint: "总结几条可以推广的经验或体会，每条先点明观点，再用本单位的做法说明。",
        item: "体会",
        heading_hint: "用一句话点明一条经验；编号会自动加上。",
        body_hint: "用本单位的做法说明这条经验。",
    },
];

/// The kind of a section by its heading.
pub fn kind_of(heading: &str) -> Option<&'static Kind> {
    // `存在的问题及原因` is a section of problems, `问题产生的原因` one of causes.
    if heading.starts_with("存在") {
        return KINDS.iter().find(|k| k.id == "problems");
    }
    KINDS.iter().find(|k| k.words.iter().any(|w| heading.contains(w)))
}

pub const OPENING: &str = "一段话写明报告的依据、时间范围和总体情况，以“现将有关情况报告如下：”之类的话收尾。";
pub const ADDRESSEE: &str = "写报告呈送的上级机关的全称或规范简称，顶格写，末尾用全角冒号“：”。";
pub const SALUTATION: &str = "在会上宣读时写称呼，如“同志们：”“各位领导、同志们：”，顶格，末尾用全角冒号；书面提交时可以不写。";
pub const CLOSING_REPORT: &str = "以“特此报告。”结尾，单独成段。不要写“妥否，请批示”，那是请示的用语。";
pub const CLOSING_OTHER: &str = "以“以上报告，请予评议。”之类的话结尾，单独成段；不用“特此报告。”。";
pub const SIGNATURE_UNIT: &str = "写发文单位（或领导班子）的名称，与标题中的一致。";
pub const SIGNATURE_NAME: &str = "写述职人的姓名，与标题中的姓名一致。";
pub const DATE: &str = "用阿拉伯数字写全年月日，不写“0”，如“2025年3月5日”。";

/// Hints for items whose section matches no kind, by layout.
pub const SUB_HEADING: &str = "每个方面一个小标题，“（一）”会自动加上。";
pub const POINT_HEADING: &str = "每条先用一句话点明要点，“一是”“二是”会自动加上。";
pub const MEASURE_HEADING: &str = "每条先用一个短语点明，“（一）”会自动加上。";
pub const ITEM_BODY: &str = "接着写具体内容。";
pub const POINT_TOPIC: &str = "用一句话点明这一点，“一是”会自动加上。";
pub const POINT_BODY: &str = "接着写具体做法或表现。";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_find_their_kind() {
        let table = [
            ("总体情况", Some("overview")),
            ("存在的主要问题", Some("problems")),
            ("存在的问题及原因", Some("problems")),
            ("问题产生的原因", Some("causes")),
            ("整改措施和努力方向", Some("measures")),
            ("下一步工作打算", Some("plans")),
            ("上年度民主生活会整改落实情况", Some("last_year")),
            ("反馈问题整改落实情况", Some("rectification")),
            ("主要做法", Some("practices")),
            ("关于安全生产的几点思考", None),
        ];
        for (heading, want) in table {
            assert_eq!(kind_of(heading).map(|k| k.id), want, "{heading}");
        }
    }
}
