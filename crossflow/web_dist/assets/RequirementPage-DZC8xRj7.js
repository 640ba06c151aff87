const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-kxirSzhJ.js","assets/index-CwwjGBzP.js","assets/index-CUDq8esg.css"])))=>i.map(i=>d[i]);
import{An as e,At as t,Br as n,C as r,Cr as i,Ct as a,Er as o,Fn as s,G as c,Mn as l,Pn as u,St as d,Tn as f,Ur as p,Yn as m,_ as h,br as g,c as _,cn as v,er as y,f as b,g as x,i as S,in as C,k as w,l as T,n as E,o as D,on as O,r as k,sn as A,t as j,tr as M,u as N,un as ee,v as te,wr as P,x as ne,yn as F}from"./index-CwwjGBzP.js";import{n as I,t as re}from"./AttachmentsCard-hP3Q3-w7.js";import{n as L,t as R}from"./work-DeRyBAbT.js";import{t as ie}from"./progress-BP6k7fYC.js";import{t as ae}from"./select-BO2Df6Lt.js";import{t as z}from"./space-BlmAVS_l.js";import{r as oe,t as se}from"./colours-BkWlOnDV.js";import{n as B,t as V}from"./StatusTag-BgoauWUx.js";import{n as ce,t as le}from"./row-DFuJ8IkU.js";import{SUBMIT as ue}from"./NewRequirementPage-D1cyEyqy.js";var H=p(n()),U=e=>{let{value:t,formatter:n,precision:r,decimalSeparator:i,groupSeparator:a=``,prefixCls:o}=e,s;if(typeof n==`function`)s=n(t);else{let e=String(t),n=e.match(/^(-?)(\d*)(\.(\d+))?$/);if(!n||e===`-`)s=e;else{let e=n[1],t=n[2]||`0`,c=n[4]||``;t=t.replace(/\B(?=(\d{3})+(?!\d))/g,a),typeof r==`number`&&(c=c.padEnd(r,`0`).slice(0,r>0?r:0)),c&&=`${i}${c}`,s=[H.createElement(`span`,{key:`int`,className:`${o}-content-value-int`},e,t),c&&H.createElement(`span`,{key:`decimal`,className:`${o}-content-value-decimal`},c)]}}return H.createElement(`span`,{className:`${o}-content-value`},s)},de=e=>{let{componentCls:t,marginXXS:n,padding:r,colorTextDescription:i,titleFontSize:a,colorTextHeading:o,contentFontSize:s,fontFamily:c}=e;return{[t]:Object.assign(Object.assign({},f(e)),{[`${t}-title`]:{marginBottom:n,color:i,fontSize:a},[`${t}-skeleton`]:{paddingTop:r},[`${t}-content`]:{color:o,fontSize:s,fontFamily:c,[`${t}-content-value`]:{display:`inline-block`,direction:`ltr`},[`${t}-content-prefix, ${t}-content-suffix`]:{display:`inline-block`},[`${t}-content-prefix`]:{marginInlineEnd:n},[`${t}-content-suffix`]:{marginInlineStart:n}}})}},fe=F(`Statistic`,t=>de(e(t,{})),e=>{let{fontSizeHeading3:t,fontSize:n}=e;return{titleFontSize:n,contentFontSize:t}}),W=p(i()),pe=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},G=H.forwardRef((e,t)=>{let{prefixCls:n,className:r,rootClassName:i,style:o,valueStyle:c,value:l=0,title:u,valueRender:d,prefix:f,suffix:p,loading:m=!1,formatter:h,precision:g,decimalSeparator:_=`.`,groupSeparator:v=`,`,onMouseEnter:y,onMouseLeave:b}=e,x=pe(e,[`prefixCls`,`className`,`rootClassName`,`style`,`valueStyle`,`value`,`title`,`valueRender`,`prefix`,`suffix`,`loading`,`formatter`,`precision`,`decimalSeparator`,`groupSeparator`,`onMouseEnter`,`onMouseLeave`]),{getPrefixCls:S,direction:C,className:w,style:T}=s(`statistic`),E=S(`statistic`,n),[D,O,k]=fe(E),A=H.createElement(U,{decimalSeparator:_,groupSeparator:v,prefixCls:E,formatter:h,precision:g,value:l}),j=(0,W.default)(E,{[`${E}-rtl`]:C===`rtl`},w,r,i,O,k),M=H.useRef(null);H.useImperativeHandle(t,()=>({nativeElement:M.current}));let N=ee(x,{aria:!0,data:!0});return D(H.createElement(`div`,Object.assign({},N,{ref:M,className:j,style:Object.assign(Object.assign({},T),o),onMouseEnter:y,onMouseLeave:b}),u&&H.createElement(`div`,{className:`${E}-title`},u),H.createElement(a,{paragraph:!1,loading:m,className:`${E}-skeleton`,active:!0},H.createElement(`div`,{style:c,className:`${E}-content`},f&&H.createElement(`span`,{className:`${E}-content-prefix`},f),d?d(A):A,p&&H.createElement(`span`,{className:`${E}-content-suffix`},p)))))}),me=[[`Y`,31536e6],[`M`,2592e6],[`D`,864e5],[`H`,36e5],[`m`,6e4],[`s`,1e3],[`S`,1]];function he(e,t){let n=e,r=/\[[^\]]*]/g,i=(t.match(r)||[]).map(e=>e.slice(1,-1)),a=t.replace(r,`[]`),o=me.reduce((e,[t,r])=>{if(e.includes(t)){let i=Math.floor(n/r);return n-=i*r,e.replace(RegExp(`${t}+`,`g`),e=>{let t=e.length;return i.toString().padStart(t,`0`)})}return e},a),s=0;return o.replace(r,()=>{let e=i[s];return s+=1,e})}function ge(e,t,n){let{format:r=``}=t,i=new Date(e).getTime(),a=Date.now();return he(Math.max(n?i-a:a-i,0),r)}var _e=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n};function ve(e){return new Date(e).getTime()}var K=e=>{let{value:t,format:n=`HH:mm:ss`,onChange:r,onFinish:i,type:a}=e,o=_e(e,[`value`,`format`,`onChange`,`onFinish`,`type`]),s=a===`countdown`,[c,u]=H.useState(null),d=l(()=>{let e=Date.now(),n=ve(t);u({});let a=s?n-e:e-n;return r?.(a),s&&n<e?(i?.(),!1):!0});return H.useEffect(()=>{let e,t=()=>y.cancel(e),n=()=>{e=y(()=>{d()&&n()})};return n(),t},[t,s]),H.useEffect(()=>{u({})},[]),H.createElement(G,Object.assign({},o,{value:t,valueRender:e=>v(e,{title:void 0}),formatter:(e,t)=>c?ge(e,Object.assign(Object.assign({},t),{format:n}),s):`-`}))},ye=H.memo(e=>H.createElement(K,Object.assign({},e,{type:`countdown`})));G.Timer=K,G.Countdown=ye;var be=G,xe=e=>{let{componentCls:t,calc:n}=e;return{[t]:Object.assign(Object.assign({},f(e)),{margin:0,padding:0,listStyle:`none`,[`${t}-item`]:{position:`relative`,margin:0,paddingBottom:e.itemPaddingBottom,fontSize:e.fontSize,listStyle:`none`,"&-tail":{position:`absolute`,insetBlockStart:e.itemHeadSize,insetInlineStart:n(n(e.itemHeadSize).sub(e.tailWidth)).div(2).equal(),height:`calc(100% - ${m(e.itemHeadSize)})`,borderInlineStart:`${m(e.tailWidth)} ${e.lineType} ${e.tailColor}`},"&-pending":{[`${t}-item-head`]:{fontSize:e.fontSizeSM,backgroundColor:`transparent`},[`${t}-item-tail`]:{display:`none`}},"&-head":{position:`absolute`,width:e.itemHeadSize,height:e.itemHeadSize,backgroundColor:e.dotBg,border:`${m(e.dotBorderWidth)} ${e.lineType} transparent`,borderRadius:`50%`,"&-blue":{color:e.colorPrimary,borderColor:e.colorPrimary},"&-red":{color:e.colorError,borderColor:e.colorError},"&-green":{color:e.colorSuccess,borderColor:e.colorSuccess},"&-gray":{color:e.colorTextDisabled,borderColor:e.colorTextDisabled}},"&-head-custom":{position:`absolute`,insetBlockStart:n(e.itemHeadSize).div(2).equal(),insetInlineStart:n(e.itemHeadSize).div(2).equal(),width:`auto`,height:`auto`,marginBlockStart:0,paddingBlock:e.customHeadPaddingVertical,lineHeight:1,textAlign:`center`,border:0,borderRadius:0,transform:`translate(-50%, -50%)`},"&-content":{position:`relative`,insetBlockStart:n(n(e.fontSize).mul(e.lineHeight).sub(e.fontSize)).mul(-1).add(e.lineWidth).equal(),marginInlineStart:n(e.margin).add(e.itemHeadSize).equal(),marginInlineEnd:0,marginBlockStart:0,marginBlockEnd:0,wordBreak:`break-word`},"&-last":{[`> ${t}-item-tail`]:{display:`none`},[`> ${t}-item-content`]:{minHeight:n(e.controlHeightLG).mul(1.2).equal()}}},[`&${t}-alternate,
        &${t}-right,
        &${t}-label`]:{[`${t}-item`]:{"&-tail, &-head, &-head-custom":{insetInlineStart:`50%`},"&-head":{marginInlineStart:n(e.marginXXS).mul(-1).equal(),"&-custom":{marginInlineStart:n(e.tailWidth).div(2).equal()}},"&-left":{[`${t}-item-content`]:{insetInlineStart:`calc(50% - ${m(e.marginXXS)})`,width:`calc(50% - ${m(e.marginSM)})`,textAlign:`start`}},"&-right":{[`${t}-item-content`]:{width:`calc(50% - ${m(e.marginSM)})`,margin:0,textAlign:`end`}}}},[`&${t}-right`]:{[`${t}-item-right`]:{[`${t}-item-tail,
            ${t}-item-head,
            ${t}-item-head-custom`]:{insetInlineStart:`calc(100% - ${m(n(n(e.itemHeadSize).add(e.tailWidth)).div(2).equal())})`},[`${t}-item-content`]:{width:`calc(100% - ${m(n(e.itemHeadSize).add(e.marginXS).equal())})`}}},[`&${t}-pending
        ${t}-item-last
        ${t}-item-tail`]:{display:`block`,height:`calc(100% - ${m(e.margin)})`,borderInlineStart:`${m(e.tailWidth)} dotted ${e.tailColor}`},[`&${t}-reverse
        ${t}-item-last
        ${t}-item-tail`]:{display:`none`},[`&${t}-reverse ${t}-item-pending`]:{[`${t}-item-tail`]:{insetBlockStart:e.margin,display:`block`,height:`calc(100% - ${m(e.margin)})`,borderInlineStart:`${m(e.tailWidth)} dotted ${e.tailColor}`},[`${t}-item-content`]:{minHeight:n(e.controlHeightLG).mul(1.2).equal()}},[`&${t}-label`]:{[`${t}-item-label`]:{position:`absolute`,insetBlockStart:n(n(e.fontSize).mul(e.lineHeight).sub(e.fontSize)).mul(-1).add(e.tailWidth).equal(),width:`calc(50% - ${m(e.marginSM)})`,textAlign:`end`},[`${t}-item-right`]:{[`${t}-item-label`]:{insetInlineStart:`calc(50% + ${m(e.marginSM)})`,width:`calc(50% - ${m(e.marginSM)})`,textAlign:`start`}}},"&-rtl":{direction:`rtl`,[`${t}-item-head-custom`]:{transform:`translate(50%, -50%)`}}})}},Se=F(`Timeline`,t=>xe(e(t,{itemHeadSize:10,customHeadPaddingVertical:t.paddingXXS,paddingInlineEnd:2})),e=>({tailColor:e.colorSplit,tailWidth:e.lineWidthBold,dotBorderWidth:e.wireframe?e.lineWidthBold:e.lineWidth*3,dotBg:e.colorBgContainer,itemPaddingBottom:e.padding*1.25})),Ce=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},q=e=>{var{prefixCls:t,className:n,color:r=`blue`,dot:i,pending:a=!1,position:o,label:s,children:c}=e,l=Ce(e,[`prefixCls`,`className`,`color`,`dot`,`pending`,`position`,`label`,`children`]);let{getPrefixCls:d}=H.useContext(u),f=d(`timeline`,t),p=(0,W.default)(`${f}-item`,{[`${f}-item-pending`]:a},n),m=/blue|red|green|gray/.test(r||``)?void 0:r,h=(0,W.default)(`${f}-item-head`,{[`${f}-item-head-custom`]:!!i,[`${f}-item-head-${r}`]:!m});return H.createElement(`li`,Object.assign({},l,{className:p}),s&&H.createElement(`div`,{className:`${f}-item-label`},s),H.createElement(`div`,{className:`${f}-item-tail`}),H.createElement(`div`,{className:h,style:{borderColor:m,color:m}},i),H.createElement(`div`,{className:`${f}-item-content`},c))},J=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},we=e=>{var{prefixCls:t,className:n,pending:r=!1,children:i,items:a,rootClassName:o,reverse:s=!1,direction:c,hashId:l,pendingDot:u,mode:d=``}=e,f=J(e,[`prefixCls`,`className`,`pending`,`children`,`items`,`rootClassName`,`reverse`,`direction`,`hashId`,`pendingDot`,`mode`]);let p=(e,n)=>d===`alternate`?e===`right`?`${t}-item-right`:e===`left`||n%2==0?`${t}-item-left`:`${t}-item-right`:d===`left`?`${t}-item-left`:d===`right`||e===`right`?`${t}-item-right`:``,m=M(a||[]),h=typeof r==`boolean`?null:r;r&&m.push({pending:!!r,dot:u||H.createElement(C,null),children:h}),s&&m.reverse();let g=m.length,_=`${t}-item-last`,v=m.filter(e=>!!e).map((e,t)=>{let n=t===g-2?_:``,i=t===g-1?_:``,{className:a}=e,o=J(e,[`className`]);return H.createElement(q,Object.assign({},o,{className:(0,W.default)([a,!s&&r?n:i,p(e?.position??``,t)]),key:e?.key||t}))}),y=m.some(e=>!!e?.label),b=(0,W.default)(t,{[`${t}-pending`]:!!r,[`${t}-reverse`]:!!s,[`${t}-${d}`]:!!d&&!y,[`${t}-label`]:y,[`${t}-rtl`]:c===`rtl`},n,o,l);return H.createElement(`ol`,Object.assign({},f,{className:b}),v)};function Te(e,t){return e&&Array.isArray(e)?e:g(t).map(e=>Object.assign({children:e?.props?.children??``},e.props))}var Ee=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},Y=e=>{let{getPrefixCls:t,direction:n,timeline:r}=H.useContext(u),{prefixCls:i,children:a,items:o,className:s,style:c}=e,l=Ee(e,[`prefixCls`,`children`,`items`,`className`,`style`]),d=t(`timeline`,i),f=O(d),[p,m,h]=Se(d,f),g=Te(o,a);return p(H.createElement(we,Object.assign({},l,{className:(0,W.default)(r?.className,s,h,f),style:Object.assign(Object.assign({},r?.style),c),prefixCls:d,direction:n,items:g,hashId:m})))};Y.Item=q;var De=Y,X=p(c(),1),Z=k(),Oe=(0,H.lazy)(()=>j(()=>import(`./BarChart-kxirSzhJ.js`),__vite__mapDeps([0,1,2]))),Q=_(`
  query RequirementBoard($id: ID!) {
    requirementBoard(requirementId: $id) {
      total
      completed
      inProgress
      delayed
      lagging
      pendingAssignment
      summary
      byStatus {
        status
        count
      }
    }
  }
`);function ke({requirementId:e}){let{t,language:n}=T(),{data:r,error:i,loading:a}=o(Q,{variables:{id:e}}),s=r?.requirementBoard;return(0,Z.jsxs)(w,{size:`small`,title:t(`board.requirement`),loading:a&&!s,"data-testid":`requirement-board`,children:[i&&(0,Z.jsx)(A,{type:`error`,showIcon:!0,message:D(i,t,n)}),s&&(0,Z.jsxs)(Z.Fragment,{children:[(0,Z.jsx)(le,{gutter:[16,8],children:[[`board.total`,s.total],[`board.completed`,s.completed],[`board.inProgress`,s.inProgress],[`board.delayed`,s.delayed],[`board.lagging`,s.lagging]].map(([e,n])=>(0,Z.jsx)(ce,{xs:12,md:4,children:(0,Z.jsx)(be,{title:t(e),value:n})},e))}),(0,Z.jsx)(h.Paragraph,{style:{marginTop:8},children:s.byStatus.map(e=>`${N(t,`status`,e.status)} ${e.count}`).join(` · `)}),s.total>0&&(0,Z.jsx)(H.Suspense,{fallback:null,children:(0,Z.jsx)(Oe,{height:200,rows:s.byStatus.map(e=>({name:N(t,`status`,e.status),count:e.count})),series:[{key:`count`,label:t(`board.total`),colour:se.IN_PROGRESS}]})})]})]})}var $=_(`
  query RequirementPage($code: String!) {
    requirement(code: $code) {
      id
      code
      title
      status
      priority
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
      currentRound
      createdAt
      initiator {
        id
        displayName
      }
      initiatingDepartment {
        id
        name
        nameEn
      }
      template {
        id
        name
        nameEn
      }
      customFields {
        key
        label
        labelEn
        type
        retired
        textValue
        numberValue
        moneyValue
        dateValue
        choices {
          value
          label
          labelEn
        }
        user {
          id
          displayName
        }
        department {
          id
          name
          nameEn
        }
        file {
          id
          fileName
        }
      }
      involvedDepartments {
        isLead
        contribution
        department {
          id
          name
          nameEn
          head {
            id
            displayName
          }
        }
      }
      reviewRounds {
        id
        number
        outcome
        openedAt
        closedAt
        reviews {
          id
          decision
          comment
          claimedTasks
          signedAt
          contentHash
          department {
            id
            name
            nameEn
          }
          signedBy {
            id
            displayName
          }
          onBehalfOf {
            id
            displayName
          }
        }
      }
      attachments(includeTasks: true) {
        ...AttachmentItem
      }
      tasks {
        id
        code
        title
        status
        progress
        deadline
        isOverdue
        assignee {
          id
          displayName
        }
        executingDepartment {
          id
          name
          nameEn
        }
      }
    }
  }
`),Ae=_(`
  mutation ReviewRequirement($input: ReviewRequirementInput!) {
    reviewRequirement(input: $input) {
      id
      status
    }
  }
`);function je(e,t){let n=t===`en`;return e.choices?e.choices.map(e=>n&&e.labelEn?e.labelEn:e.label).join(`、`):e.user?e.user.displayName:e.department?n&&e.department.nameEn||e.department.name:e.file?e.file.fileName:e.moneyValue?`¥${e.moneyValue}`:e.textValue??e.numberValue??e.dateValue??``}function Me({requirement:e}){let{t:n,language:i}=T(),{message:a}=d.useApp(),[o]=r.useForm(),[s,{loading:c,error:l}]=P(Ae,{refetchQueries:[$,R]}),u=async t=>{let r=o.getFieldsValue();!t&&!r.comment?.trim()?o.setFields([{name:`comment`,errors:[n(`review.rejectNeedsComment`)]}]):await s({variables:{input:{requirementId:e.id,approve:t,comment:r.comment??``,claimedTasks:r.claimedTasks??[]}}}).catch(()=>null)&&a.success(n(`review.done`))};return(0,Z.jsxs)(w,{title:n(`review.title`),size:`small`,"data-testid":`review-card`,children:[l&&(0,Z.jsx)(A,{type:`error`,showIcon:!0,message:D(l,n,i),style:{marginBottom:12}}),(0,Z.jsxs)(r,{form:o,layout:`vertical`,children:[(0,Z.jsx)(r.Item,{label:n(`review.comment`),name:`comment`,children:(0,Z.jsx)(ne.TextArea,{autoSize:{minRows:2}})}),(0,Z.jsx)(r.Item,{label:n(`review.claims`),name:`claimedTasks`,extra:n(`review.claimsHelp`),children:(0,Z.jsx)(ae,{mode:`tags`,open:!1,suffixIcon:null})}),(0,Z.jsxs)(z,{children:[(0,Z.jsx)(t,{type:`primary`,loading:c,onClick:()=>void u(!0),children:n(`review.approve`)}),(0,Z.jsx)(t,{danger:!0,loading:c,onClick:()=>void u(!1),children:n(`review.reject`)})]})]})]})}function Ne(){let{code:e=``}=x(),{t:n,language:r}=T(),{message:i}=d.useApp(),{viewer:a}=E(),{data:s,loading:c,error:l,refetch:u}=o($,{variables:{code:e}}),f=o(R),[p,m]=P(ue,{refetchQueries:[$]});if(l){let e=S(l)===`NOT_FOUND`;return(0,Z.jsx)(te,{status:e?`404`:`error`,title:e?n(`req.notFound`):D(l,n,r)})}let g=s?.requirement;if(!g)return(0,Z.jsx)(w,{loading:c});let _=r===`en`,v=e=>e?_&&e.nameEn?e.nameEn:e.name:``,y=f.data?.myWork.reviews.some(e=>e.id===g.id)??!1,C=g.initiator?.id===a.id&&[`DRAFT`,`PENDING_MODIFICATION`].includes(g.status),O=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`,`contact`].filter(e=>g[e]);return(0,Z.jsxs)(z,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,Z.jsxs)(z,{wrap:!0,align:`center`,children:[(0,Z.jsx)(h.Title,{level:1,style:{fontSize:22,margin:0},children:g.title}),(0,Z.jsx)(V,{status:g.status}),g.priority===`URGENT`&&(0,Z.jsx)(B,{color:`red`,children:n(`priority.URGENT`)})]}),C&&(0,Z.jsx)(A,{type:`info`,showIcon:!0,message:N(n,`status`,g.status),action:(0,Z.jsx)(t,{type:`primary`,loading:m.loading,onClick:()=>void p({variables:{id:g.id}}).then(()=>i.success(n(`req.submitted`))).catch(e=>i.error(D(e,n,r))),children:n(`req.submit`)})}),y&&(0,Z.jsx)(Me,{requirement:g}),(0,Z.jsx)(w,{size:`small`,children:(0,Z.jsxs)(I,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,Z.jsx)(I.Item,{label:n(`req.code`),children:g.code}),(0,Z.jsxs)(I.Item,{label:n(`req.initiator`),children:[g.initiator?.displayName,` · `,v(g.initiatingDepartment)]}),(0,Z.jsx)(I.Item,{label:n(`req.expectedBy`),children:g.expectedBy??`—`}),g.template&&(0,Z.jsx)(I.Item,{label:n(`req.template`),children:v(g.template)}),O.map(e=>(0,Z.jsx)(I.Item,{label:n(`req.${e}`),span:{xs:1,md:2,xl:3},children:(0,Z.jsx)(h.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:g[e]})},e)),g.customFields.filter(e=>!e.retired).map(e=>(0,Z.jsx)(I.Item,{label:_&&e.labelEn?e.labelEn:e.label,children:je(e,r)||`—`},e.key))]})}),(0,Z.jsx)(w,{size:`small`,title:n(`req.departments`),children:(0,Z.jsx)(L,{size:`small`,dataSource:g.involvedDepartments,renderItem:e=>(0,Z.jsx)(L.Item,{children:(0,Z.jsxs)(z,{wrap:!0,children:[(0,Z.jsx)(h.Text,{strong:!0,children:v(e.department)}),e.isLead&&(0,Z.jsx)(B,{children:n(`req.lead`)}),(0,Z.jsx)(h.Text,{type:`secondary`,children:e.department.head?.displayName}),e.contribution&&(0,Z.jsxs)(h.Text,{children:[n(`req.contribution`),`: `,e.contribution]})]})})})}),(0,Z.jsx)(re,{attachments:g.attachments,target:[`ARCHIVED`,`CANCELLED`].includes(g.status)?null:{requirementId:g.id},onUploaded:()=>void u()}),(0,Z.jsx)(w,{size:`small`,title:n(`req.reviews`),"data-testid":`review-timeline`,children:g.reviewRounds.length===0?(0,Z.jsx)(h.Text,{type:`secondary`,children:n(`common.none`)}):(0,Z.jsx)(De,{items:g.reviewRounds.flatMap(e=>[{color:e.outcome===`APPROVED`?`green`:e.outcome===`REJECTED`?`red`:`blue`,children:(0,Z.jsxs)(h.Text,{strong:!0,children:[n(`req.round`,{n:e.number}),` · `,N(n,`status`,e.outcome),` ·`,` `,(0,X.default)(e.openedAt).format(`YYYY-MM-DD HH:mm`)]})},...e.reviews.map(e=>({color:e.decision===`APPROVE`?`green`:`red`,children:(0,Z.jsxs)(z,{direction:`vertical`,size:0,children:[(0,Z.jsxs)(h.Text,{children:[v(e.department),` · `,e.signedBy?.displayName,e.onBehalfOf?` (${n(`req.onBehalfOf`,{name:e.onBehalfOf.displayName})})`:``,` ·`,` `,(0,Z.jsx)(B,{color:e.decision===`APPROVE`?`success`:`error`,children:N(n,`decision`,e.decision)})]}),e.comment&&(0,Z.jsx)(h.Text,{children:e.comment}),e.claimedTasks.length>0&&(0,Z.jsxs)(h.Text,{children:[n(`review.claims`),`: `,e.claimedTasks.join(`；`)]}),(0,Z.jsxs)(h.Text,{type:`secondary`,children:[(0,X.default)(e.signedAt).format(`YYYY-MM-DD HH:mm`),` · `,n(`req.contentHash`),` `,(0,Z.jsx)(`code`,{children:e.contentHash.slice(0,12)})]})]})}))])})}),g.tasks.length>0&&(0,Z.jsx)(ke,{requirementId:g.id}),(0,Z.jsx)(w,{size:`small`,title:n(`req.tasks`),children:(0,Z.jsx)(oe,{size:`small`,rowKey:`id`,pagination:!1,scroll:{x:!0},locale:{emptyText:(0,Z.jsx)(h.Text,{type:`secondary`,children:n(`common.none`)})},dataSource:g.tasks,columns:[{title:n(`task.title`),key:`title`,render:(e,t)=>(0,Z.jsx)(b,{to:`/tasks/${t.code}`,children:`${t.code} ${t.title}`})},{title:n(`task.department`),key:`dept`,render:(e,t)=>v(t.executingDepartment)},{title:n(`task.assignee`),key:`assignee`,render:(e,t)=>t.assignee?.displayName},{title:n(`req.status`),key:`status`,render:(e,t)=>(0,Z.jsxs)(z,{children:[(0,Z.jsx)(V,{status:t.status}),t.isOverdue&&(0,Z.jsx)(B,{color:`red`,children:n(`task.overdue`)})]})},{title:n(`task.percent`),key:`progress`,render:(e,t)=>(0,Z.jsx)(ie,{percent:t.progress,size:`small`,style:{minWidth:100},"aria-label":`${t.code} ${n(`task.percent`)}`})},{title:n(`task.deadline`),key:`deadline`,render:(e,t)=>t.deadline?(0,X.default)(t.deadline).format(`YYYY-MM-DD`):`—`}]})})]})}export{Ne as default};