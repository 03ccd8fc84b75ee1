/// Romanisations of common Chinese surnames besides pinyin — Cantonese (Hong Kong, Macao),
/// Wade–Giles (Taiwan), and others — so that `张金加` can be recognised in `Cheong Kam Ka`.
enum SurnameSpellings {
    static let table: [Unicode.Scalar: [String]] = [
        "张": ["zhang", "cheung", "cheong", "chang", "teo", "chong"], "陈": ["chen", "chan", "chun", "tan", "chin"],
        "李": ["li", "lee", "lei", "lay"], "黄": ["huang", "wong", "vong", "ng", "oei"], "王": ["wang", "wong", "vong", "ong"],
        "刘": ["liu", "lau", "lao", "lew"], "林": ["lin", "lam", "lim"], "吴": ["wu", "ng", "woo", "goh"],
        "梁": ["liang", "leung", "leong", "neo"], "周": ["zhou", "chow", "chau", "chou", "chew"],
        "何": ["he", "ho", "hoe"], "郑": ["zheng", "cheng", "chang", "tay"], "杨": ["yang", "yeung", "ieong", "yeo"],
        "赵": ["zhao", "chiu", "chao", "chew"], "谢": ["xie", "tse", "che", "hsieh", "chia"],
        "罗": ["luo", "law", "lo", "lou", "loh"], "郭": ["guo", "kwok", "kuo", "kok", "quek"],
        "叶": ["ye", "yip", "ip", "yeh", "yap"], "许": ["xu", "hui", "hsu", "koh"], "邓": ["deng", "tang", "teng"],
        "冯": ["feng", "fung", "fong"], "曾": ["zeng", "tsang", "chang", "tseng"], "蔡": ["cai", "choi", "tsai", "chua"],
        "朱": ["zhu", "chu", "choo"], "胡": ["hu", "wu", "woo", "foo", "ho"], "徐": ["xu", "tsui", "hsu", "chee"],
        "孙": ["sun", "suen", "soon"], "马": ["ma", "mah", "beh"], "高": ["gao", "ko", "kao", "kou"],
        "钟": ["zhong", "chung", "cheong", "chong"], "苏": ["su", "so", "sou", "soh"], "卢": ["lu", "lo", "lou", "loo"],
        "蒋": ["jiang", "cheung", "chiang"], "沈": ["shen", "shum", "sam"], "韩": ["han", "hon"],
        "唐": ["tang", "tong"], "潘": ["pan", "poon", "pun", "phua"], "袁": ["yuan", "yuen", "un"],
        "黎": ["li", "lai"], "麦": ["mai", "mak"], "区": ["ou", "au"], "莫": ["mo", "mok"], "邝": ["kuang", "kwong"],
        "甘": ["gan", "kam"], "金": ["jin", "kam", "kim", "chin"],
    ]

    /// Ways of writing the surname that starts with `c`, in lower case.
    static func spellings(of c: Unicode.Scalar) -> [String] { table[c] ?? [] }
}
