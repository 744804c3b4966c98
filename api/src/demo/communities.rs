//! The ten "complete community" pilots of the MOHURD case book (完整社区建设案例集 第一批, seed 004),
//! with their real province → city → district → street and published size. Coordinates are plausible
//! centre points, not surveyed. Administrative codes: province, city and district codes are the real
//! GB/T 2260 codes padded with 000000; street codes are the real 9-digit 统计用区划代码 (2022 table)
//! padded with 000. Community codes are synthesised: the real street prefix followed by 101–110
//! (one per entry, in the 居委会 range) — they are well-formed but are not the official codes.
//!
//! Names follow the case book. Where the case book's street name differs from the statistical table
//! (唐家墩街道, 沙子塘街道, 团结街街道), the book's spelling is kept and the official name is noted
//! beside the entry. The book gives no city level for Shanghai and Chongqing; the statistical table
//! calls that level 市辖区, shown here under the municipality's name.

/// One level above a community in the administrative tree.
pub struct DemoPlace {
    pub name: &'static str,
    /// 12-digit 统计用区划代码.
    pub code: &'static str,
}

pub struct DemoCommunity {
    pub province: DemoPlace,
    pub city: DemoPlace,
    pub district: DemoPlace,
    pub street: DemoPlace,
    pub name: &'static str,
    pub code: &'static str,
    /// true = 城市社区, false = 农村社区/村
    pub urban: bool,
    pub area_ha: f64,
    pub households: i64,
    pub population: i64,
    /// Residents aged 60+, when the case book gives it (a share or a count); None otherwise.
    pub population_60_plus: Option<i64>,
    pub center_lat: f64,
    pub center_lng: f64,
    /// Names of a few grids (网格) inside the community, 3 to 5 each, plausible (e.g. "第一网格" or named after the 小区/楼栋 in the text).
    pub grids: &'static [&'static str],
}

pub const COMMUNITIES: [DemoCommunity; 10] = [
    // 1. 浙江省杭州市滨江区·缤纷社区 — 西兴街道 (seed lines 35–49). The pilot joins the 星民、七甲闸、
    // 水电 communities into one unit; it has no 居委会 code of its own.
    DemoCommunity {
        province: DemoPlace { name: "浙江省", code: "330000000000" },
        city: DemoPlace { name: "杭州市", code: "330100000000" },
        district: DemoPlace { name: "滨江区", code: "330108000000" },
        street: DemoPlace { name: "西兴街道", code: "330108001000" },
        name: "缤纷社区",
        code: "330108001101",
        urban: true,
        area_ha: 46.0,
        households: 5487,
        population: 20824,
        population_60_plus: None,
        center_lat: 30.2160,
        center_lng: 120.2180,
        grids: &["缤纷小区网格", "星民网格", "七甲闸网格", "水电网格"],
    },
    // 2. 上海市静安区·临汾路 380 弄社区 — 临汾路街道 (seed lines 161–175).
    DemoCommunity {
        province: DemoPlace { name: "上海市", code: "310000000000" },
        city: DemoPlace { name: "上海市", code: "310100000000" },
        district: DemoPlace { name: "静安区", code: "310106000000" },
        street: DemoPlace { name: "临汾路街道", code: "310106021000" },
        name: "临汾路380弄社区",
        code: "310106021102",
        urban: true,
        area_ha: 19.0,
        households: 1864,
        population: 4771,
        population_60_plus: None,
        center_lat: 31.2990,
        center_lng: 121.4510,
        grids: &["星城花苑网格", "阳曲路391弄网格", "星林苑网格", "鹏程宝都网格"],
    },
    // 3. 重庆市九龙坡区·民主村社区 — 谢家湾街道 (seed lines 297–311). The pilot area also takes in
    // parts of 劳动一村社区 and 直港大道社区.
    DemoCommunity {
        province: DemoPlace { name: "重庆市", code: "500000000000" },
        city: DemoPlace { name: "重庆市", code: "500100000000" },
        district: DemoPlace { name: "九龙坡区", code: "500107000000" },
        street: DemoPlace { name: "谢家湾街道", code: "500107003000" },
        name: "民主村社区",
        code: "500107003103",
        urban: true,
        area_ha: 24.0,
        households: 3962,
        population: 8744,
        population_60_plus: None,
        center_lat: 29.5075,
        center_lng: 106.5160,
        grids: &["民主村网格", "劳动一村网格", "直港大道网格", "建设渠网格"],
    },
    // 4. 辽宁省沈阳市皇姑区·牡丹社区 — 三台子街道 (seed lines 447–463). 60+: 4 365 as a count
    // (line 463; the book calls it 40 %, the count is 42.8 % of 10 187).
    DemoCommunity {
        province: DemoPlace { name: "辽宁省", code: "210000000000" },
        city: DemoPlace { name: "沈阳市", code: "210100000000" },
        district: DemoPlace { name: "皇姑区", code: "210105000000" },
        street: DemoPlace { name: "三台子街道", code: "210105001000" },
        name: "牡丹社区",
        code: "210105001104",
        urban: true,
        area_ha: 29.0,
        households: 3094,
        population: 10187,
        population_60_plus: Some(4365),
        center_lat: 41.8625,
        center_lng: 123.4215,
        grids: &["牡丹家园第一网格", "牡丹家园第二网格", "卧龙馨村网格"],
    },
    // 5. 江西省九江市柴桑区·公园社区 (seed lines 573–587). The book gives no street, only "老城核心区"
    // beside 中华贤母园; 沙河街道 (the district seat) is my assignment, not stated in the text.
    // 60+: "约 30%" of 5 612 → 1 684 (line 587). Five grids per line 687.
    DemoCommunity {
        province: DemoPlace { name: "江西省", code: "360000000000" },
        city: DemoPlace { name: "九江市", code: "360400000000" },
        district: DemoPlace { name: "柴桑区", code: "360404000000" },
        street: DemoPlace { name: "沙河街道", code: "360404001000" },
        name: "公园社区",
        code: "360404001105",
        urban: true,
        area_ha: 32.73,
        households: 2510,
        population: 5612,
        population_60_plus: Some(1684),
        center_lat: 29.6150,
        center_lng: 115.8880,
        grids: &["忠科绿苑网格", "上张湾网格", "下张湾网格", "渊明路网格", "塔南路网格"],
    },
    // 6. 江苏省南京市建邺区·月安社区 — 兴隆街道 (seed lines 701–715). Population "约 11000".
    DemoCommunity {
        province: DemoPlace { name: "江苏省", code: "320000000000" },
        city: DemoPlace { name: "南京市", code: "320100000000" },
        district: DemoPlace { name: "建邺区", code: "320105000000" },
        street: DemoPlace { name: "兴隆街道", code: "320105006000" },
        name: "月安社区",
        code: "320105006106",
        urban: true,
        area_ha: 58.0,
        households: 4045,
        population: 11000,
        population_60_plus: None,
        center_lat: 32.0160,
        center_lng: 118.7290,
        grids: &["月安花园网格", "莱蒙水榭春天网格", "汇锦国际网格", "凌江府网格"],
    },
    // 7. 湖北省武汉市江汉区·八古墩社区 — 唐家墩街道 (seed lines 829–843); the statistical table
    // names the street 唐家墩街街道. 60+: 17 % of 7 918 → 1 346.
    DemoCommunity {
        province: DemoPlace { name: "湖北省", code: "420000000000" },
        city: DemoPlace { name: "武汉市", code: "420100000000" },
        district: DemoPlace { name: "江汉区", code: "420103000000" },
        street: DemoPlace { name: "唐家墩街道", code: "420103009000" },
        name: "八古墩社区",
        code: "420103009107",
        urban: true,
        area_ha: 20.3,
        households: 3147,
        population: 7918,
        population_60_plus: Some(1346),
        center_lat: 30.6180,
        center_lng: 114.2690,
        grids: &["顶琇晶城网格", "万科公园五号网格", "第一网格", "第二网格"],
    },
    // 8. 湖南省长沙市雨花区·金科园社区 — 沙子塘街道 (seed lines 946–962); the statistical table
    // writes 砂子塘街道. 60+: 1 563 as a count (line 962).
    DemoCommunity {
        province: DemoPlace { name: "湖南省", code: "430000000000" },
        city: DemoPlace { name: "长沙市", code: "430100000000" },
        district: DemoPlace { name: "雨花区", code: "430111000000" },
        street: DemoPlace { name: "沙子塘街道", code: "430111004000" },
        name: "金科园社区",
        code: "430111004108",
        urban: true,
        area_ha: 10.0,
        households: 1205,
        population: 5125,
        population_60_plus: Some(1563),
        center_lat: 28.1760,
        center_lng: 112.9990,
        grids: &["第一网格", "第二网格", "第三网格", "第四网格"],
    },
    // 9. 宁夏回族自治区银川市灵武市·镇河塔社区 — 城区街道 (seed lines 1062–1076). One 小区, 民生佳苑.
    DemoCommunity {
        province: DemoPlace { name: "宁夏回族自治区", code: "640000000000" },
        city: DemoPlace { name: "银川市", code: "640100000000" },
        district: DemoPlace { name: "灵武市", code: "640181000000" },
        street: DemoPlace { name: "城区街道", code: "640181001000" },
        name: "镇河塔社区",
        code: "640181001109",
        urban: true,
        area_ha: 27.0,
        households: 3795,
        population: 11538,
        population_60_plus: None,
        center_lat: 38.0880,
        center_lng: 106.3360,
        grids: &["民生佳苑第一网格", "民生佳苑第二网格", "民生佳苑第三网格", "民生佳苑第四网格"],
    },
    // 10. 新疆维吾尔自治区伊犁州奎屯市·海纳尔社区 — 团结街街道 (seed lines 1207–1221); the
    // statistical table writes 团结路街道, and the prefecture's full name is 伊犁哈萨克自治州.
    // 60+: 832 as a count (line 1221).
    DemoCommunity {
        province: DemoPlace { name: "新疆维吾尔自治区", code: "650000000000" },
        city: DemoPlace { name: "伊犁州", code: "654000000000" },
        district: DemoPlace { name: "奎屯市", code: "654003000000" },
        street: DemoPlace { name: "团结街街道", code: "654003001000" },
        name: "海纳尔社区",
        code: "654003001110",
        urban: true,
        area_ha: 18.0,
        households: 1360,
        population: 2607,
        population_60_plus: Some(832),
        center_lat: 44.4280,
        center_lng: 84.9000,
        grids: &["第一网格", "第二网格", "第三网格"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Every place in the file as (level, name, code), communities included.
    fn all_places() -> Vec<(&'static str, &'static str, &'static str)> {
        let mut out = Vec::new();
        for c in COMMUNITIES.iter() {
            out.push(("province", c.province.name, c.province.code));
            out.push(("city", c.city.name, c.city.code));
            out.push(("district", c.district.name, c.district.code));
            out.push(("street", c.street.name, c.street.code));
            out.push(("community", c.name, c.code));
        }
        out
    }

    #[test]
    fn every_code_is_twelve_ascii_digits() {
        for (level, name, code) in all_places() {
            assert_eq!(code.len(), 12, "{level} {name}: {code}");
            assert!(code.bytes().all(|b| b.is_ascii_digit()), "{level} {name}: {code}");
        }
    }

    #[test]
    fn each_code_names_one_place_and_each_place_has_one_code() {
        let mut by_code: HashMap<&str, (&str, &str)> = HashMap::new();
        let mut by_level_name: HashMap<(&str, &str), &str> = HashMap::new();
        for (level, name, code) in all_places() {
            if let Some(&(l, n)) = by_code.get(code) {
                assert_eq!((l, n), (level, name), "code {code} used twice");
            }
            by_code.insert(code, (level, name));
            if let Some(&c) = by_level_name.get(&(level, name)) {
                assert_eq!(c, code, "{level} {name} has two codes");
            }
            by_level_name.insert((level, name), code);
        }
    }

    #[test]
    fn community_codes_and_names_are_unique() {
        let mut codes: Vec<&str> = COMMUNITIES.iter().map(|c| c.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), COMMUNITIES.len());
        let mut names: Vec<&str> = COMMUNITIES.iter().map(|c| c.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), COMMUNITIES.len());
    }

    #[test]
    fn codes_nest_from_province_down_to_community() {
        for c in COMMUNITIES.iter() {
            assert!(c.code.starts_with(&c.street.code[..9]), "{}", c.name);
            assert_ne!(&c.code[9..], "000", "{}", c.name);
            assert!(c.street.code.starts_with(&c.district.code[..6]), "{}", c.name);
            assert!(c.street.code.ends_with("000"), "{}", c.name);
            assert!(c.district.code.starts_with(&c.city.code[..4]), "{}", c.name);
            assert!(c.district.code.ends_with("000000"), "{}", c.name);
            assert!(c.city.code.starts_with(&c.province.code[..2]), "{}", c.name);
            assert!(c.city.code.ends_with("00000000"), "{}", c.name);
            assert!(c.province.code.ends_with("0000000000"), "{}", c.name);
        }
    }

    #[test]
    fn population_is_at_least_households_and_sizes_are_positive() {
        for c in COMMUNITIES.iter() {
            assert!(c.households > 0, "{}", c.name);
            assert!(c.population >= c.households, "{}", c.name);
            assert!(c.area_ha > 0.0, "{}", c.name);
        }
    }

    #[test]
    fn residents_aged_sixty_plus_never_exceed_population() {
        for c in COMMUNITIES.iter() {
            if let Some(old) = c.population_60_plus {
                assert!(old > 0 && old <= c.population, "{}", c.name);
            }
        }
    }

    #[test]
    fn every_community_has_three_to_five_distinct_grids() {
        for c in COMMUNITIES.iter() {
            assert!((3..=5).contains(&c.grids.len()), "{}", c.name);
            let mut g = c.grids.to_vec();
            g.sort();
            g.dedup();
            assert_eq!(g.len(), c.grids.len(), "{}", c.name);
        }
    }

    #[test]
    fn centre_points_lie_within_china() {
        for c in COMMUNITIES.iter() {
            assert!((18.0..=54.0).contains(&c.center_lat), "{}", c.name);
            assert!((73.0..=135.0).contains(&c.center_lng), "{}", c.name);
        }
    }

    #[test]
    fn published_figures_from_the_domain_file_are_kept() {
        let binfen = COMMUNITIES.iter().find(|c| c.name == "缤纷社区").expect("缤纷社区 is a demo community");
        assert_eq!((binfen.area_ha, binfen.households, binfen.population), (46.0, 5487, 20824));
        let linfen = COMMUNITIES.iter().find(|c| c.name == "临汾路380弄社区").expect("临汾路380弄社区 is a demo community");
        assert_eq!((linfen.area_ha, linfen.households, linfen.population), (19.0, 1864, 4771));
    }
}
