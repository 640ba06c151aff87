const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-66BM4C5r.js","assets/index-eZd5Ttaf.js","assets/index-CUDq8esg.css"])))=>i.map(i=>d[i]);
import{$n as e,C as t,Cn as n,Dr as r,Dt as i,E as a,Et as o,In as s,N as c,Or as l,Pn as u,Pr as d,Pt as f,Qr as p,Rn as m,Y as h,_ as g,ar as _,c as v,cn as y,dn as b,f as x,fn as S,i as C,ir as w,kn as T,l as E,mn as D,n as O,o as k,r as A,t as j,ti as M,u as N,un as ee,v as P,wr as te,y as F,zn as ne}from"./index-eZd5Ttaf.js";import{t as I}from"./descriptions-C6rtiXi3.js";import{t as L}from"./list-BrWI6-Ft.js";import{t as re}from"./progress-BDa9YzFK.js";import{t as R}from"./select-CRb9YZ4x.js";import{t as z}from"./space-BLuJt17u.js";import{t as ie}from"./table-Dfne5Jg3.js";import{t as B}from"./tag-CpyRA8Nb.js";import{t as V}from"./work-BmOPjeUj.js";import{t as H}from"./StatusTag-CnQk2Ba1.js";import{n as ae,t as oe}from"./row-Wooka6cs.js";import{t as se}from"./colours-DfTPUJxm.js";import{t as ce}from"./AttachmentsCard-D3XrnnDv.js";import{t as le}from"./radio-lLnBARtq.js";import{SUBMIT as ue}from"./NewRequirementPage-B3Qyc7C9.js";var U=M(p()),de=e=>{let{value:t,formatter:n,precision:r,decimalSeparator:i,groupSeparator:a=``,prefixCls:o}=e,s;if(typeof n==`function`)s=n(t);else{let e=String(t),n=e.match(/^(-?)(\d*)(\.(\d+))?$/);if(!n||e===`-`)s=e;else{let e=n[1],t=n[2]||`0`,c=n[4]||``;t=t.replace(/\B(?=(\d{3})+(?!\d))/g,a),typeof r==`number`&&(c=c.padEnd(r,`0`).slice(0,r>0?r:0)),c&&=`${i}${c}`,s=[U.createElement(`span`,{key:`int`,className:`${o}-content-value-int`},e,t),c&&U.createElement(`span`,{key:`decimal`,className:`${o}-content-value-decimal`},c)]}}return U.createElement(`span`,{className:`${o}-content-value`},s)},fe=e=>{let{componentCls:t,marginXXS:n,padding:r,colorTextDescription:i,titleFontSize:a,colorTextHeading:o,contentFontSize:s,fontFamily:c}=e;return{[t]:Object.assign(Object.assign({},T(e)),{[`${t}-title`]:{marginBottom:n,color:i,fontSize:a},[`${t}-skeleton`]:{paddingTop:r},[`${t}-content`]:{color:o,fontSize:s,fontFamily:c,[`${t}-content-value`]:{display:`inline-block`,direction:`ltr`},[`${t}-content-prefix, ${t}-content-suffix`]:{display:`inline-block`},[`${t}-content-prefix`]:{marginInlineEnd:n},[`${t}-content-suffix`]:{marginInlineStart:n}}})}},pe=n(`Statistic`,e=>fe(u(e,{})),e=>{let{fontSizeHeading3:t,fontSize:n}=e;return{titleFontSize:n,contentFontSize:t}}),W=M(r()),me=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},G=U.forwardRef((e,t)=>{let{prefixCls:n,className:r,rootClassName:a,style:o,valueStyle:s,value:c=0,title:l,valueRender:u,prefix:d,suffix:f,loading:p=!1,formatter:m,precision:h,decimalSeparator:g=`.`,groupSeparator:_=`,`,onMouseEnter:v,onMouseLeave:y}=e,b=me(e,[`prefixCls`,`className`,`rootClassName`,`style`,`valueStyle`,`value`,`title`,`valueRender`,`prefix`,`suffix`,`loading`,`formatter`,`precision`,`decimalSeparator`,`groupSeparator`,`onMouseEnter`,`onMouseLeave`]),{getPrefixCls:x,direction:S,className:C,style:w}=ne(`statistic`),T=x(`statistic`,n),[E,O,k]=pe(T),A=U.createElement(de,{decimalSeparator:g,groupSeparator:_,prefixCls:T,formatter:m,precision:h,value:c}),j=(0,W.default)(T,{[`${T}-rtl`]:S===`rtl`},C,r,a,O,k),M=U.useRef(null);U.useImperativeHandle(t,()=>({nativeElement:M.current}));let N=D(b,{aria:!0,data:!0});return E(U.createElement(`div`,Object.assign({},N,{ref:M,className:j,style:Object.assign(Object.assign({},w),o),onMouseEnter:v,onMouseLeave:y}),l&&U.createElement(`div`,{className:`${T}-title`},l),U.createElement(i,{paragraph:!1,loading:p,className:`${T}-skeleton`,active:!0},U.createElement(`div`,{style:s,className:`${T}-content`},d&&U.createElement(`span`,{className:`${T}-content-prefix`},d),u?u(A):A,f&&U.createElement(`span`,{className:`${T}-content-suffix`},f)))))}),he=[[`Y`,31536e6],[`M`,2592e6],[`D`,864e5],[`H`,36e5],[`m`,6e4],[`s`,1e3],[`S`,1]];function ge(e,t){let n=e,r=/\[[^\]]*]/g,i=(t.match(r)||[]).map(e=>e.slice(1,-1)),a=t.replace(r,`[]`),o=he.reduce((e,[t,r])=>{if(e.includes(t)){let i=Math.floor(n/r);return n-=i*r,e.replace(RegExp(`${t}+`,`g`),e=>{let t=e.length;return i.toString().padStart(t,`0`)})}return e},a),s=0;return o.replace(r,()=>{let e=i[s];return s+=1,e})}function _e(e,t,n){let{format:r=``}=t,i=new Date(e).getTime(),a=Date.now();return ge(Math.max(n?i-a:a-i,0),r)}var ve=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n};function ye(e){return new Date(e).getTime()}var K=e=>{let{value:t,format:n=`HH:mm:ss`,onChange:r,onFinish:i,type:a}=e,o=ve(e,[`value`,`format`,`onChange`,`onFinish`,`type`]),c=a===`countdown`,[l,u]=U.useState(null),d=s(()=>{let e=Date.now(),n=ye(t);u({});let a=c?n-e:e-n;return r?.(a),c&&n<e?(i?.(),!1):!0});return U.useEffect(()=>{let e,t=()=>w.cancel(e),n=()=>{e=w(()=>{d()&&n()})};return n(),t},[t,c]),U.useEffect(()=>{u({})},[]),U.createElement(G,Object.assign({},o,{value:t,valueRender:e=>S(e,{title:void 0}),formatter:(e,t)=>l?_e(e,Object.assign(Object.assign({},t),{format:n}),c):`-`}))},be=U.memo(e=>U.createElement(K,Object.assign({},e,{type:`countdown`})));G.Timer=K,G.Countdown=be;var xe=G,Se=t=>{let{componentCls:n,calc:r}=t;return{[n]:Object.assign(Object.assign({},T(t)),{margin:0,padding:0,listStyle:`none`,[`${n}-item`]:{position:`relative`,margin:0,paddingBottom:t.itemPaddingBottom,fontSize:t.fontSize,listStyle:`none`,"&-tail":{position:`absolute`,insetBlockStart:t.itemHeadSize,insetInlineStart:r(r(t.itemHeadSize).sub(t.tailWidth)).div(2).equal(),height:`calc(100% - ${e(t.itemHeadSize)})`,borderInlineStart:`${e(t.tailWidth)} ${t.lineType} ${t.tailColor}`},"&-pending":{[`${n}-item-head`]:{fontSize:t.fontSizeSM,backgroundColor:`transparent`},[`${n}-item-tail`]:{display:`none`}},"&-head":{position:`absolute`,width:t.itemHeadSize,height:t.itemHeadSize,backgroundColor:t.dotBg,border:`${e(t.dotBorderWidth)} ${t.lineType} transparent`,borderRadius:`50%`,"&-blue":{color:t.colorPrimary,borderColor:t.colorPrimary},"&-red":{color:t.colorError,borderColor:t.colorError},"&-green":{color:t.colorSuccess,borderColor:t.colorSuccess},"&-gray":{color:t.colorTextDisabled,borderColor:t.colorTextDisabled}},"&-head-custom":{position:`absolute`,insetBlockStart:r(t.itemHeadSize).div(2).equal(),insetInlineStart:r(t.itemHeadSize).div(2).equal(),width:`auto`,height:`auto`,marginBlockStart:0,paddingBlock:t.customHeadPaddingVertical,lineHeight:1,textAlign:`center`,border:0,borderRadius:0,transform:`translate(-50%, -50%)`},"&-content":{position:`relative`,insetBlockStart:r(r(t.fontSize).mul(t.lineHeight).sub(t.fontSize)).mul(-1).add(t.lineWidth).equal(),marginInlineStart:r(t.margin).add(t.itemHeadSize).equal(),marginInlineEnd:0,marginBlockStart:0,marginBlockEnd:0,wordBreak:`break-word`},"&-last":{[`> ${n}-item-tail`]:{display:`none`},[`> ${n}-item-content`]:{minHeight:r(t.controlHeightLG).mul(1.2).equal()}}},[`&${n}-alternate,
        &${n}-right,
        &${n}-label`]:{[`${n}-item`]:{"&-tail, &-head, &-head-custom":{insetInlineStart:`50%`},"&-head":{marginInlineStart:r(t.marginXXS).mul(-1).equal(),"&-custom":{marginInlineStart:r(t.tailWidth).div(2).equal()}},"&-left":{[`${n}-item-content`]:{insetInlineStart:`calc(50% - ${e(t.marginXXS)})`,width:`calc(50% - ${e(t.marginSM)})`,textAlign:`start`}},"&-right":{[`${n}-item-content`]:{width:`calc(50% - ${e(t.marginSM)})`,margin:0,textAlign:`end`}}}},[`&${n}-right`]:{[`${n}-item-right`]:{[`${n}-item-tail,
            ${n}-item-head,
            ${n}-item-head-custom`]:{insetInlineStart:`calc(100% - ${e(r(r(t.itemHeadSize).add(t.tailWidth)).div(2).equal())})`},[`${n}-item-content`]:{width:`calc(100% - ${e(r(t.itemHeadSize).add(t.marginXS).equal())})`}}},[`&${n}-pending
        ${n}-item-last
        ${n}-item-tail`]:{display:`block`,height:`calc(100% - ${e(t.margin)})`,borderInlineStart:`${e(t.tailWidth)} dotted ${t.tailColor}`},[`&${n}-reverse
        ${n}-item-last
        ${n}-item-tail`]:{display:`none`},[`&${n}-reverse ${n}-item-pending`]:{[`${n}-item-tail`]:{insetBlockStart:t.margin,display:`block`,height:`calc(100% - ${e(t.margin)})`,borderInlineStart:`${e(t.tailWidth)} dotted ${t.tailColor}`},[`${n}-item-content`]:{minHeight:r(t.controlHeightLG).mul(1.2).equal()}},[`&${n}-label`]:{[`${n}-item-label`]:{position:`absolute`,insetBlockStart:r(r(t.fontSize).mul(t.lineHeight).sub(t.fontSize)).mul(-1).add(t.tailWidth).equal(),width:`calc(50% - ${e(t.marginSM)})`,textAlign:`end`},[`${n}-item-right`]:{[`${n}-item-label`]:{insetInlineStart:`calc(50% + ${e(t.marginSM)})`,width:`calc(50% - ${e(t.marginSM)})`,textAlign:`start`}}},"&-rtl":{direction:`rtl`,[`${n}-item-head-custom`]:{transform:`translate(50%, -50%)`}}})}},Ce=n(`Timeline`,e=>Se(u(e,{itemHeadSize:10,customHeadPaddingVertical:e.paddingXXS,paddingInlineEnd:2})),e=>({tailColor:e.colorSplit,tailWidth:e.lineWidthBold,dotBorderWidth:e.wireframe?e.lineWidthBold:e.lineWidth*3,dotBg:e.colorBgContainer,itemPaddingBottom:e.padding*1.25})),we=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},q=e=>{var{prefixCls:t,className:n,color:r=`blue`,dot:i,pending:a=!1,position:o,label:s,children:c}=e,l=we(e,[`prefixCls`,`className`,`color`,`dot`,`pending`,`position`,`label`,`children`]);let{getPrefixCls:u}=U.useContext(m),d=u(`timeline`,t),f=(0,W.default)(`${d}-item`,{[`${d}-item-pending`]:a},n),p=/blue|red|green|gray/.test(r||``)?void 0:r,h=(0,W.default)(`${d}-item-head`,{[`${d}-item-head-custom`]:!!i,[`${d}-item-head-${r}`]:!p});return U.createElement(`li`,Object.assign({},l,{className:f}),s&&U.createElement(`div`,{className:`${d}-item-label`},s),U.createElement(`div`,{className:`${d}-item-tail`}),U.createElement(`div`,{className:h,style:{borderColor:p,color:p}},i),U.createElement(`div`,{className:`${d}-item-content`},c))},J=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},Te=e=>{var{prefixCls:t,className:n,pending:r=!1,children:i,items:a,rootClassName:o,reverse:s=!1,direction:c,hashId:l,pendingDot:u,mode:d=``}=e,f=J(e,[`prefixCls`,`className`,`pending`,`children`,`items`,`rootClassName`,`reverse`,`direction`,`hashId`,`pendingDot`,`mode`]);let p=(e,n)=>d===`alternate`?e===`right`?`${t}-item-right`:e===`left`||n%2==0?`${t}-item-left`:`${t}-item-right`:d===`left`?`${t}-item-left`:d===`right`||e===`right`?`${t}-item-right`:``,m=_(a||[]),h=typeof r==`boolean`?null:r;r&&m.push({pending:!!r,dot:u||U.createElement(y,null),children:h}),s&&m.reverse();let g=m.length,v=`${t}-item-last`,b=m.filter(e=>!!e).map((e,t)=>{let n=t===g-2?v:``,i=t===g-1?v:``,{className:a}=e,o=J(e,[`className`]);return U.createElement(q,Object.assign({},o,{className:(0,W.default)([a,!s&&r?n:i,p(e?.position??``,t)]),key:e?.key||t}))}),x=m.some(e=>!!e?.label),S=(0,W.default)(t,{[`${t}-pending`]:!!r,[`${t}-reverse`]:!!s,[`${t}-${d}`]:!!d&&!x,[`${t}-label`]:x,[`${t}-rtl`]:c===`rtl`},n,o,l);return U.createElement(`ol`,Object.assign({},f,{className:S}),b)};function Ee(e,t){return e&&Array.isArray(e)?e:te(t).map(e=>Object.assign({children:e?.props?.children??``},e.props))}var De=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},Y=e=>{let{getPrefixCls:t,direction:n,timeline:r}=U.useContext(m),{prefixCls:i,children:a,items:o,className:s,style:c}=e,l=De(e,[`prefixCls`,`children`,`items`,`className`,`style`]),u=t(`timeline`,i),d=ee(u),[f,p,h]=Ce(u,d),g=Ee(o,a);return f(U.createElement(Te,Object.assign({},l,{className:(0,W.default)(r?.className,s,h,d),style:Object.assign(Object.assign({},r?.style),c),prefixCls:u,direction:n,items:g,hashId:p})))};Y.Item=q;var Oe=Y,X=M(h(),1),Z=A(),ke=v(`
  mutation SubmitResultReport($input: SubmitResultReportInput!) {
    submitResultReport(input: $input) {
      id
      status
    }
  }
`),Ae=[`goalAchievement`,`contributions`,`problems`];function je({requirementId:e,report:n,canWrite:r,onWritten:i}){let{t:s,language:u}=E(),{message:d}=o.useApp(),[p,{loading:m,error:h}]=l(ke,{refetchQueries:[V]});if(!n&&!r)return null;let g=async t=>{await p({variables:{input:{requirementId:e,goalAchievement:t.goalAchievement,contributions:t.contributions??``,problems:t.problems??``}}}).catch(()=>null)&&(d.success(s(`report.written`)),i())};return(0,Z.jsx)(c,{size:`small`,title:s(`knowledge.report`),"data-testid":`result-report`,children:n?(0,Z.jsxs)(I,{column:1,size:`small`,children:[Ae.filter(e=>n[e]).map(e=>(0,Z.jsx)(I.Item,{label:s(`knowledge.${e}`),children:(0,Z.jsx)(P.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:n[e]})},e)),(0,Z.jsxs)(I.Item,{label:s(`report.by`),children:[n.author?.displayName,` · `,(0,X.default)(n.createdAt).format(`YYYY-MM-DD HH:mm`)]})]}):(0,Z.jsxs)(a,{layout:`vertical`,onFinish:e=>void g(e),children:[h&&(0,Z.jsx)(b,{type:`error`,showIcon:!0,message:k(h,s,u),style:{marginBottom:12}}),(0,Z.jsx)(a.Item,{label:s(`knowledge.goalAchievement`),name:`goalAchievement`,rules:[{required:!0,whitespace:!0,message:s(`field.required`,{label:s(`knowledge.goalAchievement`)})}],children:(0,Z.jsx)(t.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,Z.jsx)(a.Item,{label:s(`knowledge.contributions`),name:`contributions`,children:(0,Z.jsx)(t.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,Z.jsx)(a.Item,{label:s(`knowledge.problems`),name:`problems`,children:(0,Z.jsx)(t.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,Z.jsx)(f,{type:`primary`,htmlType:`submit`,loading:m,children:s(`report.submit`)})]})})}var Q=(0,U.lazy)(()=>j(()=>import(`./BarChart-66BM4C5r.js`),__vite__mapDeps([0,1,2]))),Me=v(`
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
`);function Ne({requirementId:e}){let{t,language:n}=E(),{data:r,error:i,loading:a}=d(Me,{variables:{id:e}}),o=r?.requirementBoard;return(0,Z.jsxs)(c,{size:`small`,title:t(`board.requirement`),loading:a&&!o,"data-testid":`requirement-board`,children:[i&&(0,Z.jsx)(b,{type:`error`,showIcon:!0,message:k(i,t,n)}),o&&(0,Z.jsxs)(Z.Fragment,{children:[(0,Z.jsx)(oe,{gutter:[16,8],children:[[`board.total`,o.total],[`board.completed`,o.completed],[`board.inProgress`,o.inProgress],[`board.delayed`,o.delayed],[`board.lagging`,o.lagging]].map(([e,n])=>(0,Z.jsx)(ae,{xs:12,md:4,children:(0,Z.jsx)(xe,{title:t(e),value:n})},e))}),(0,Z.jsx)(P.Paragraph,{style:{marginTop:8},children:o.byStatus.map(e=>`${N(t,`status`,e.status)} ${e.count}`).join(` · `)}),o.total>0&&(0,Z.jsx)(U.Suspense,{fallback:null,children:(0,Z.jsx)(Q,{height:200,rows:o.byStatus.map(e=>({name:N(t,`status`,e.status),count:e.count})),series:[{key:`count`,label:t(`board.total`),colour:se.IN_PROGRESS}]})})]})]})}var Pe=v(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      id
      kind
    }
  }
`);function Fe({requirementId:e,departments:n}){let{t:r,language:i}=E(),{message:s}=o.useApp(),[u]=a.useForm(),[d,{loading:p,error:m}]=l(Pe,{refetchQueries:[V]}),h=async t=>{await d({variables:{input:{requirementId:e,kind:t.kind,content:t.content,departmentIds:t.departmentIds??[],proposal:t.proposal??``}}}).catch(()=>null)&&s.success(r(`feedback.sent`))};return(0,Z.jsxs)(c,{size:`small`,title:r(`feedback.title`),"data-testid":`feedback-card`,children:[m&&(0,Z.jsx)(b,{type:`error`,showIcon:!0,message:k(m,r,i),style:{marginBottom:12}}),(0,Z.jsxs)(a,{form:u,layout:`vertical`,initialValues:{kind:`PRAISE`},onFinish:e=>void h(e),children:[(0,Z.jsx)(a.Item,{label:r(`feedback.kind`),name:`kind`,children:(0,Z.jsx)(le.Group,{optionType:`button`,options:[`PRAISE`,`PROBLEM`,`SUGGESTION`].map(e=>({value:e,label:r(`feedback.${e}`)}))})}),(0,Z.jsx)(a.Item,{label:r(`feedback.content`),name:`content`,rules:[{required:!0,whitespace:!0,message:r(`field.required`,{label:r(`feedback.content`)})}],children:(0,Z.jsx)(t.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,Z.jsx)(a.Item,{label:r(`feedback.departments`),name:`departmentIds`,children:(0,Z.jsx)(R,{mode:`multiple`,optionFilterProp:`label`,options:n})}),(0,Z.jsx)(a.Item,{label:r(`feedback.proposal`),name:`proposal`,children:(0,Z.jsx)(t.TextArea,{autoSize:{minRows:1},maxLength:2e3})}),(0,Z.jsx)(f,{type:`primary`,htmlType:`submit`,loading:p,children:r(`feedback.submit`)})]})]})}var $=v(`
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
      resultReport {
        id
        goalAchievement
        contributions
        problems
        createdAt
        author {
          id
          displayName
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
`),Ie=v(`
  mutation ReviewRequirement($input: ReviewRequirementInput!) {
    reviewRequirement(input: $input) {
      id
      status
    }
  }
`);function Le(e,t){let n=t===`en`;return e.choices?e.choices.map(e=>n&&e.labelEn?e.labelEn:e.label).join(`、`):e.user?e.user.displayName:e.department?n&&e.department.nameEn||e.department.name:e.file?e.file.fileName:e.moneyValue?`¥${e.moneyValue}`:e.textValue??e.numberValue??e.dateValue??``}function Re({requirement:e}){let{t:n,language:r}=E(),{message:i}=o.useApp(),[s]=a.useForm(),[u,{loading:d,error:p}]=l(Ie,{refetchQueries:[$,V]}),m=async t=>{let r=s.getFieldsValue();!t&&!r.comment?.trim()?s.setFields([{name:`comment`,errors:[n(`review.rejectNeedsComment`)]}]):await u({variables:{input:{requirementId:e.id,approve:t,comment:r.comment??``,claimedTasks:r.claimedTasks??[]}}}).catch(()=>null)&&i.success(n(`review.done`))};return(0,Z.jsxs)(c,{title:n(`review.title`),size:`small`,"data-testid":`review-card`,children:[p&&(0,Z.jsx)(b,{type:`error`,showIcon:!0,message:k(p,n,r),style:{marginBottom:12}}),(0,Z.jsxs)(a,{form:s,layout:`vertical`,children:[(0,Z.jsx)(a.Item,{label:n(`review.comment`),name:`comment`,children:(0,Z.jsx)(t.TextArea,{autoSize:{minRows:2}})}),(0,Z.jsx)(a.Item,{label:n(`review.claims`),name:`claimedTasks`,extra:n(`review.claimsHelp`),children:(0,Z.jsx)(R,{mode:`tags`,open:!1,suffixIcon:null})}),(0,Z.jsxs)(z,{children:[(0,Z.jsx)(f,{type:`primary`,loading:d,onClick:()=>void m(!0),children:n(`review.approve`)}),(0,Z.jsx)(f,{danger:!0,loading:d,onClick:()=>void m(!1),children:n(`review.reject`)})]})]})]})}function ze(){let{code:e=``}=g(),{t,language:n}=E(),{message:r}=o.useApp(),{viewer:i}=O(),{data:a,loading:s,error:u,refetch:p}=d($,{variables:{code:e},fetchPolicy:`cache-and-network`}),m=d(V),[h,_]=l(ue,{refetchQueries:[$]});if(u){let e=C(u)===`NOT_FOUND`;return(0,Z.jsx)(F,{status:e?`404`:`error`,title:e?t(`req.notFound`):k(u,t,n)})}let v=a?.requirement;if(!v)return(0,Z.jsx)(c,{loading:s});let y=n===`en`,S=e=>e?y&&e.nameEn?e.nameEn:e.name:``,w=m.data?.myWork.reviews.some(e=>e.id===v.id)??!1,T=m.data?.myWork.feedback.some(e=>e.id===v.id)??!1,D=v.initiator?.id===i.id&&[`DRAFT`,`PENDING_MODIFICATION`].includes(v.status),A=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`,`contact`].filter(e=>v[e]);return(0,Z.jsxs)(z,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,Z.jsxs)(z,{wrap:!0,align:`center`,children:[(0,Z.jsx)(P.Title,{level:1,style:{fontSize:22,margin:0},children:v.title}),(0,Z.jsx)(H,{status:v.status}),v.priority===`URGENT`&&(0,Z.jsx)(B,{color:`red`,children:t(`priority.URGENT`)})]}),D&&(0,Z.jsx)(b,{type:`info`,showIcon:!0,message:N(t,`status`,v.status),action:(0,Z.jsxs)(z,{wrap:!0,children:[(0,Z.jsx)(x,{to:`/requirements/${v.code}/edit`,children:t(`edit.open`)}),(0,Z.jsx)(f,{type:`primary`,loading:_.loading,onClick:()=>void h({variables:{id:v.id}}).then(()=>r.success(t(`req.submitted`))).catch(e=>r.error(k(e,t,n))),children:t(`req.submit`)})]})}),w&&(0,Z.jsx)(Re,{requirement:v}),T&&(0,Z.jsx)(Fe,{requirementId:v.id,departments:v.involvedDepartments.map(e=>({value:e.department.id,label:S(e.department)}))}),(0,Z.jsx)(c,{size:`small`,children:(0,Z.jsxs)(I,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,Z.jsx)(I.Item,{label:t(`req.code`),children:v.code}),(0,Z.jsxs)(I.Item,{label:t(`req.initiator`),children:[v.initiator?.displayName,` · `,S(v.initiatingDepartment)]}),(0,Z.jsx)(I.Item,{label:t(`req.expectedBy`),children:v.expectedBy??`—`}),v.template&&(0,Z.jsx)(I.Item,{label:t(`req.template`),children:S(v.template)}),A.map(e=>(0,Z.jsx)(I.Item,{label:t(`req.${e}`),span:{xs:1,md:2,xl:3},children:(0,Z.jsx)(P.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:v[e]})},e)),v.customFields.filter(e=>!e.retired).map(e=>(0,Z.jsx)(I.Item,{label:y&&e.labelEn?e.labelEn:e.label,children:Le(e,n)||`—`},e.key))]})}),(0,Z.jsx)(c,{size:`small`,title:t(`req.departments`),children:(0,Z.jsx)(L,{size:`small`,dataSource:v.involvedDepartments,renderItem:e=>(0,Z.jsx)(L.Item,{children:(0,Z.jsxs)(z,{wrap:!0,children:[(0,Z.jsx)(P.Text,{strong:!0,children:S(e.department)}),e.isLead&&(0,Z.jsx)(B,{children:t(`req.lead`)}),(0,Z.jsx)(P.Text,{type:`secondary`,children:e.department.head?.displayName}),e.contribution&&(0,Z.jsxs)(P.Text,{children:[t(`req.contribution`),`: `,e.contribution]})]})})})}),(0,Z.jsx)(ce,{attachments:v.attachments,target:[`ARCHIVED`,`CANCELLED`].includes(v.status)?null:{requirementId:v.id},onUploaded:()=>void p()}),(0,Z.jsx)(c,{size:`small`,title:t(`req.reviews`),"data-testid":`review-timeline`,children:v.reviewRounds.length===0?(0,Z.jsx)(P.Text,{type:`secondary`,children:t(`common.none`)}):(0,Z.jsx)(Oe,{items:v.reviewRounds.flatMap(e=>[{color:e.outcome===`APPROVED`?`green`:e.outcome===`REJECTED`?`red`:`blue`,children:(0,Z.jsxs)(P.Text,{strong:!0,children:[t(`req.round`,{n:e.number}),` · `,N(t,`status`,e.outcome),` ·`,` `,(0,X.default)(e.openedAt).format(`YYYY-MM-DD HH:mm`)]})},...e.reviews.map(e=>({color:e.decision===`APPROVE`?`green`:`red`,children:(0,Z.jsxs)(z,{direction:`vertical`,size:0,children:[(0,Z.jsxs)(P.Text,{children:[S(e.department),` · `,e.signedBy?.displayName,e.onBehalfOf?` (${t(`req.onBehalfOf`,{name:e.onBehalfOf.displayName})})`:``,` ·`,` `,(0,Z.jsx)(B,{color:e.decision===`APPROVE`?`success`:`error`,children:N(t,`decision`,e.decision)})]}),e.comment&&(0,Z.jsx)(P.Text,{children:e.comment}),e.claimedTasks.length>0&&(0,Z.jsxs)(P.Text,{children:[t(`review.claims`),`: `,e.claimedTasks.join(`；`)]}),(0,Z.jsxs)(P.Text,{type:`secondary`,children:[(0,X.default)(e.signedAt).format(`YYYY-MM-DD HH:mm`),` · `,t(`req.contentHash`),` `,(0,Z.jsx)(`code`,{children:e.contentHash.slice(0,12)})]})]})}))])})}),v.tasks.length>0&&(0,Z.jsx)(Ne,{requirementId:v.id}),(0,Z.jsx)(je,{requirementId:v.id,report:v.resultReport,canWrite:v.initiator?.id===i.id&&v.status===`IN_PROGRESS`&&v.tasks.length>0&&v.tasks.every(e=>e.status===`COMPLETED`),onWritten:()=>void p()}),(0,Z.jsx)(c,{size:`small`,title:t(`req.tasks`),children:(0,Z.jsx)(ie,{size:`small`,rowKey:`id`,pagination:!1,scroll:{x:!0},locale:{emptyText:(0,Z.jsx)(P.Text,{type:`secondary`,children:t(`common.none`)})},dataSource:v.tasks,columns:[{title:t(`task.title`),key:`title`,render:(e,t)=>(0,Z.jsx)(x,{to:`/tasks/${t.code}`,children:`${t.code} ${t.title}`})},{title:t(`task.department`),key:`dept`,render:(e,t)=>S(t.executingDepartment)},{title:t(`task.assignee`),key:`assignee`,render:(e,t)=>t.assignee?.displayName},{title:t(`req.status`),key:`status`,render:(e,n)=>(0,Z.jsxs)(z,{children:[(0,Z.jsx)(H,{status:n.status}),n.isOverdue&&(0,Z.jsx)(B,{color:`red`,children:t(`task.overdue`)})]})},{title:t(`task.percent`),key:`progress`,render:(e,n)=>(0,Z.jsx)(re,{percent:n.progress,size:`small`,style:{minWidth:100},"aria-label":`${n.code} ${t(`task.percent`)}`})},{title:t(`task.deadline`),key:`deadline`,render:(e,t)=>t.deadline?(0,X.default)(t.deadline).format(`YYYY-MM-DD`):`—`}]})})]})}export{ze as default};