// Traditional → simplified mapping for MATCHING ONLY (keywords, labels, directory keys).
// Notices from Hong Kong/Taiwan-facing offices or old templates sometimes arrive in traditional
// characters ("責任單位", "牽頭單位"). We never rewrite the printed text; we map a copy
// character by character, so indexes in the mapped copy line up with the printed text.
// Only one-to-one characters are listed (every entry is a single BMP character on both sides).

const PAIRS =
  '責责單单位位牽牵頭头領领導导號号辦办關关於于區区縣县鄉乡鎮镇處处廳厅會会議议' +
  '標标準准務务時时間间限限成成項项號号體体發发展展濟济業业產产經经農农實实現现' +
  '幣币億亿萬万個个戶户種种圖图書书報报價价應应節节點点據据勢势數数據据質质' +
  '進进設设計计劃划規规劃划動动態态環环境境護护資资員员學学學学醫医療疗衛卫' +
  '號号線线網网絡络電电車车運运輸输鐵铁鋼钢橋桥樓楼層层廠厂場场園园藝艺術术' +
  '機机構构檢检測测驗验監监督督查查審审批批證证稅税財财務务銀银行行貸贷險险' +
  '綜综合合協协調调織织組组級级總总統统計计從从來来對对為为與与並并將将這这' +
  '裡里們们後后開开關关門门問问聞闻聯联華华東东龍龙歲岁壽寿愛爱親亲戲戏歡欢' +
  '習习讀读寫写聽听說说話话語语認认識识議议論论請请讓让貝贝負负貨货買买賣卖' +
  '費费貿贸資资賓宾賽赛贊赞趕赶車车軍军載载輕轻較较輪轮辦办邊边遠远遷迁遲迟' +
  '選选遺遗郵邮鄰邻鐘钟錢钱鐵铁長长門门閉闭閱阅陽阳陰阴隊队階阶際际隨随險险' +
  '雙双雜杂雞鸡離离難难雲云電电靜静順顺須须預预領领頻频題题額额風风飛飞養养' +
  '餐餐館馆馬马駐驻驗验體体髮发鬥斗魚鱼鳥鸟麥麦黃黄齊齐齒齿專专業业條条' +
  '勞劳務务權权鹽盐積积極极優优嚴严擴扩氣气歸归當当慶庆宮宫寧宁寶宝' +
  '尋寻導导將将屬属歷历壓压廣广廢废張张彈弹強强彙汇歸归徹彻徵征憲宪懷怀' +
  '戰战擊击擔担據据攜携敵敌斷断舊旧暫暂條条棄弃榮荣構构樣样權权殘残況况' +
  '減减溫温測测滿满漢汉潔洁澤泽濕湿災灾無无煙烟熱热營营爭争牆墙獎奖獲获' +
  '現现產产畫画畝亩當当療疗發发盡尽監监盤盘眾众礎础碼码確确禮礼稱称穩稳' +
  '競竞築筑簡简糧粮紀纪約约紅红級级納纳紙纸細细紹绍終终組组結结給给絕绝' +
  '統统絲丝綠绿維维綱纲網网緊紧線线編编緣缘縮缩績绩總总繁繁織织繼继續续' +
  '罰罚聯联職职聲声膽胆腦脑臺台舉举艱艰範范薦荐藥药處处號号蟲虫補补裝装' +
  '複复覆覆規规視视覽览觀观計计訂订記记許许設设診诊評评試试詢询誌志誠诚' +
  '調调談谈請请諾诺謀谋講讲證证護护讚赞貧贫貫贯販贩責责貴贵貼贴賀贺資资' +
  '賬账質质贏赢趨趋跡迹踐践蹤踪軟软轉转辭辞農农連连週周進进運运過过達达' +
  '違违遞递適适選选遺遗邁迈還还醫医釋释針针銷销鋪铺錄录鍵键鎮镇鏈链闊阔' +
  '國国圍围劉刘陳陈鄧邓謝谢遊游趙赵吳吴楊杨羅罗孫孙鍾钟韓韩馮冯蔣蒋蕭萧葉叶蘇苏盧卢譚谭' +
  '防防陸陆隱隐雖虽響响頁页項项順顺預预頒颁領领頻频顧顾顯显飲饮館馆' +
  '機机屆届擬拟蓋盖換换奮奋廈厦偉伟傳传億亿優优儲储兒儿內内冊册劑剂' +
  '啟启單单圓圆塊块壞坏夠够夥伙奪夺婦妇孫孙嶺岭帶带幫帮廳厅彌弥徑径' +
  '懸悬戶户拋抛揮挥損损擁拥攤摊攬揽斃毙昇升曬晒樞枢橫横淨净淺浅測测' +
  '溝沟滬沪滯滞漁渔濱滨瀏浏燈灯爐炉獨独琺珐璽玺產产畢毕瘧疟癥症' +
  '碩硕碼码禦御穀谷窮穷竊窃筆笔籌筹粵粤糾纠紐纽絃弦綫线緝缉縱纵繳缴' +
  '聖圣膚肤臨临艦舰蘭兰虛虚衝冲襲袭詳详誤误諮咨謂谓譜谱豐丰賴赖贈赠' +
  '蹟迹躍跃轄辖輔辅輯辑轟轰釐厘鑑鉴閒闲闡阐陣阵陸陆雖虽韌韧頂顶頓顿' +
  '頸颈顏颜騰腾驅驱驟骤鬆松麗丽黨党齡龄龜龟';

/**
 * Taiwan-style wording for the same labels, in pairs of equal length (so indexes still line up):
 * 主辦機關 is the 牵头单位, 協辦機關 the 配合单位, 辦理期限 the 完成时限, 計畫 a 计划. Applied after
 * the characters are mapped, for matching only.
 */
const TAIWAN_WORDS: ReadonlyMap<string, string> = new Map([
  ['主办机关', '牵头单位'],
  ['主责机关', '牵头单位'],
  ['主办单位', '牵头单位'],
  ['协办机关', '配合单位'],
  ['配合机关', '配合单位'],
  ['权责机关', '责任单位'],
  ['权责单位', '责任单位'],
  ['执行机关', '责任单位'],
  ['办理期限', '完成时限'],
  ['完成期程', '完成时限'],
  ['预定期程', '完成时限'],
  ['计画', '计划'],
  ['资讯', '信息'],
  ['网路', '网络'],
]);
const TAIWAN_RE = new RegExp([...TAIWAN_WORDS.keys()].join('|'), 'gu');

const TRAD_TO_SIMP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = Array.from(PAIRS).filter((c) => /\p{Script=Han}/u.test(c));
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const t = chars[i];
    const s = chars[i + 1];
    if (t !== undefined && s !== undefined && t !== s) map.set(t, s);
  }
  return map;
})();

const TRAD_RE = new RegExp(`[${[...TRAD_TO_SIMP.keys()].join('')}]`, 'gu');

/** Maps traditional characters to simplified ones, one character for one, keeping length. */
export function toSimplified(text: string): string {
  const simplified = text.replace(TRAD_RE, (ch) => TRAD_TO_SIMP.get(ch) ?? ch);
  return TAIWAN_HINT.test(simplified) ? simplified.replace(TAIWAN_RE, (w) => TAIWAN_WORDS.get(w) ?? w) : simplified;
}
/** Every Taiwan word above holds one of these: most text skips the second pass. */
const TAIWAN_HINT = /机关|主办|权责|期限|期程|计画|资讯|网路/u;

/** True when the text contains characters we know only as traditional forms. */
export function hasTraditional(text: string): boolean {
  for (const ch of text) if (TRAD_TO_SIMP.has(ch)) return true;
  return false;
}
