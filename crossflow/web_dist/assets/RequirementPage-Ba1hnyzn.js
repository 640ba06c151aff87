const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-BS3r98Yz.js","assets/rolldown-runtime-BLXQ4ufn.js","assets/index-CUr97UIb.js","assets/index-BL77Dcnv.css"])))=>i.map(i=>d[i]);
import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{$t as t,Ar as n,Bn as r,Cr as i,D as a,Dr as o,Er as s,F as c,In as l,Ir as u,It as d,Kt as f,Ln as p,Mn as m,Or as h,Ot as g,P as _,Rn as v,Sn as y,Sr as b,Tn as x,Tr as S,Vn as C,Yt as w,Z as T,ar as E,b as D,c as O,d as k,dn as A,ei as j,fn as M,gn as N,i as P,jn as F,kn as ee,kr as te,kt as ne,l as I,mn as re,n as ie,o as L,or as ae,p as oe,pn as R,r as se,rr as ce,sr as le,t as ue,tn as de,tr as z,u as B,un as fe,v as pe,w as V,y as H}from"./index-CUr97UIb.js";import{t as U}from"./descriptions-IHSaUR4o.js";import{t as W}from"./list-JfATqGmj.js";import{t as me}from"./progress-B9IYUxw2.js";import{n as G,t as K}from"./space-DDlhjRAT.js";import{t as he}from"./table-DfeHDFG7.js";import{t as q}from"./tag-Cx-9Bud6.js";import{t as J}from"./work-BfJa7TIu.js";import{t as ge}from"./StatusTag-l7-U204q.js";import{n as _e,t as ve}from"./row-DGzWFwu-.js";import{t as ye}from"./colours-DfTPUJxm.js";import{t as be}from"./AttachmentsCard-DB82tkYw.js";import{a as xe,i as Se}from"./upload-jVycAUeO.js";import{t as Ce}from"./radio-DREMoQBk.js";import{n as we,r as Te,t as Ee}from"./PersonPicker-DGzCr6tY.js";import{r as De}from"./pagination-BTPa5Cdv.js";import{t as Oe}from"./download-BDK5Vx8Z.js";import{n as ke}from"./NewRequirementPage-DWWv2_r-.js";var Y=e(te()),X=e(j()),Ae=X.forwardRef(function(e,t){var n=e.prefixCls,r=e.forceRender,a=e.className,o=e.style,s=e.children,c=e.isActive,l=e.role,u=e.classNames,d=e.styles,f=X.useState(c||r),p=E(f,2),m=p[0],h=p[1];return X.useEffect(function(){(r||c)&&h(!0)},[r,c]),m?X.createElement(`div`,{ref:t,className:(0,Y.default)(`${n}-content`,i(i({},`${n}-content-active`,c),`${n}-content-inactive`,!c),a),style:o,role:l},X.createElement(`div`,{className:(0,Y.default)(`${n}-content-box`,u?.body),style:d?.body},s)):null});Ae.displayName=`PanelContent`;var je=[`showArrow`,`headerClass`,`isActive`,`onItemClick`,`forceRender`,`className`,`classNames`,`styles`,`prefixCls`,`collapsible`,`accordion`,`panelKey`,`extra`,`header`,`expandIcon`,`openMotion`,`destroyInactivePanel`,`children`],Me=X.forwardRef(function(e,t){var n=e.showArrow,r=n===void 0||n,a=e.headerClass,o=e.isActive,s=e.onItemClick,c=e.forceRender,l=e.className,u=e.classNames,d=u===void 0?{}:u,f=e.styles,p=f===void 0?{}:f,m=e.prefixCls,g=e.collapsible,_=e.accordion,v=e.panelKey,x=e.extra,S=e.header,C=e.expandIcon,w=e.openMotion,T=e.destroyInactivePanel,E=e.children,D=ce(e,je),O=g===`disabled`,k=x!=null&&typeof x!=`boolean`,j=i(i(i({onClick:function(){s?.(v)},onKeyDown:function(e){(e.key===`Enter`||e.keyCode===A.ENTER||e.which===A.ENTER)&&s?.(v)},role:_?`tab`:`button`},`aria-expanded`,o),`aria-disabled`,O),`tabIndex`,O?-1:0),M=typeof C==`function`?C(e):X.createElement(`i`,{className:`arrow`}),N=M&&X.createElement(`div`,h({className:`${m}-expand-icon`},[`header`,`icon`].includes(g)?j:{}),M),P=(0,Y.default)(`${m}-item`,i(i({},`${m}-item-active`,o),`${m}-item-disabled`,O),l),F=(0,Y.default)(a,`${m}-header`,i({},`${m}-collapsible-${g}`,!!g),d.header),ee=b({className:F,style:p.header},[`header`,`icon`].includes(g)?{}:j);return X.createElement(`div`,h({},D,{ref:t,className:P}),X.createElement(`div`,ee,r&&N,X.createElement(`span`,h({className:`${m}-header-text`},g===`header`?j:{}),S),k&&X.createElement(`div`,{className:`${m}-extra`},x)),X.createElement(y,h({visible:o,leavedClassName:`${m}-content-hidden`},w,{forceRender:c,removeOnLeave:T}),function(e,t){var n=e.className,r=e.style;return X.createElement(Ae,{ref:t,prefixCls:m,className:n,classNames:d,style:r,styles:p,isActive:o,forceRender:c,role:_?`tabpanel`:void 0},E)}))}),Ne=[`children`,`label`,`key`,`collapsible`,`onItemClick`,`destroyInactivePanel`],Pe=function(e,t){var n=t.prefixCls,r=t.accordion,i=t.collapsible,a=t.destroyInactivePanel,o=t.onItemClick,s=t.activeKey,c=t.openMotion,l=t.expandIcon;return e.map(function(e,t){var u=e.children,d=e.label,f=e.key,p=e.collapsible,m=e.onItemClick,g=e.destroyInactivePanel,_=ce(e,Ne),v=String(f??t),y=p??i,b=g??a,x=function(e){y!==`disabled`&&(o(e),m?.(e))},S=!1;return S=r?s[0]===v:s.indexOf(v)>-1,X.createElement(Me,h({},_,{prefixCls:n,key:v,panelKey:v,isActive:S,accordion:r,openMotion:c,expandIcon:l,header:d,collapsible:y,onItemClick:x,destroyInactivePanel:b}),u)})},Fe=function(e,t,n){if(!e)return null;var r=n.prefixCls,i=n.accordion,a=n.collapsible,o=n.destroyInactivePanel,s=n.onItemClick,c=n.activeKey,l=n.openMotion,u=n.expandIcon,d=e.key||String(t),f=e.props,p=f.header,m=f.headerClass,h=f.destroyInactivePanel,g=f.collapsible,_=f.onItemClick,v=!1;v=i?c[0]===d:c.indexOf(d)>-1;var y=g??a,b={key:d,panelKey:d,header:p,headerClass:m,isActive:v,prefixCls:r,destroyInactivePanel:h??o,openMotion:l,accordion:i,children:e.props.children,onItemClick:function(e){y!==`disabled`&&(s(e),_?.(e))},expandIcon:u,collapsible:y};return typeof e.type==`string`?e:(Object.keys(b).forEach(function(e){b[e]===void 0&&delete b[e]}),X.cloneElement(e,b))};function Ie(e,t,n){return Array.isArray(e)?Pe(e,n):s(t).map(function(e,t){return Fe(e,t,n)})}function Le(e){var t=e;if(!Array.isArray(t)){var n=o(t);t=n===`number`||n===`string`?[t]:[]}return t.map(function(e){return String(e)})}var Re=Object.assign(X.forwardRef(function(e,t){var n=e.prefixCls,r=n===void 0?`rc-collapse`:n,i=e.destroyInactivePanel,a=i!==void 0&&i,o=e.style,s=e.accordion,c=e.className,l=e.children,u=e.collapsible,d=e.openMotion,f=e.expandIcon,m=e.activeKey,g=e.defaultActiveKey,_=e.onChange,v=e.items,y=(0,Y.default)(r,c),b=p([],{value:m,onChange:function(e){return _?.(e)},defaultValue:g,postState:Le}),x=E(b,2),C=x[0],w=x[1],T=function(e){return w(function(){return s?C[0]===e?[]:[e]:C.indexOf(e)>-1?C.filter(function(t){return t!==e}):[].concat(le(C),[e])})};S(!l,"[rc-collapse] `children` will be removed in next major version. Please use `items` instead.");var D=Ie(v,l,{prefixCls:r,accordion:s,openMotion:d,expandIcon:f,collapsible:u,destroyInactivePanel:a,onItemClick:T,activeKey:C});return X.createElement(`div`,h({ref:t,className:y,style:o,role:s?`tablist`:void 0},N(e,{aria:!0,data:!0})),D)}),{Panel:Me}),ze=Re;Re.Panel;var Be=X.forwardRef((e,t)=>{let{getPrefixCls:n}=X.useContext(r),{prefixCls:i,className:a,showArrow:o=!0}=e,s=n(`collapse`,i),c=(0,Y.default)({[`${s}-no-arrow`]:!o},a);return X.createElement(ze.Panel,Object.assign({ref:t},e,{prefixCls:s,className:c}))}),Ve=e=>{let{componentCls:t,contentBg:n,padding:r,headerBg:i,headerPadding:a,collapseHeaderPaddingSM:o,collapseHeaderPaddingLG:s,collapsePanelBorderRadius:c,lineWidth:l,lineType:u,colorBorder:d,colorText:f,colorTextHeading:p,colorTextDisabled:h,fontSizeLG:g,lineHeight:_,lineHeightLG:v,marginSM:y,paddingSM:b,paddingLG:x,paddingXS:S,motionDurationSlow:C,fontSizeIcon:w,contentPadding:T,fontHeight:E,fontHeightLG:D}=e,O=`${z(l)} ${u} ${d}`;return{[t]:Object.assign(Object.assign({},F(e)),{backgroundColor:i,border:O,borderRadius:c,"&-rtl":{direction:`rtl`},[`& > ${t}-item`]:{borderBottom:O,"&:first-child":{[`
            &,
            & > ${t}-header`]:{borderRadius:`${z(c)} ${z(c)} 0 0`}},"&:last-child":{[`
            &,
            & > ${t}-header`]:{borderRadius:`0 0 ${z(c)} ${z(c)}`}},[`> ${t}-header`]:Object.assign(Object.assign({position:`relative`,display:`flex`,flexWrap:`nowrap`,alignItems:`flex-start`,padding:a,color:p,lineHeight:_,cursor:`pointer`,transition:`all ${C}, visibility 0s`},ee(e)),{[`> ${t}-header-text`]:{flex:`auto`},[`${t}-expand-icon`]:{height:E,display:`flex`,alignItems:`center`,paddingInlineEnd:y},[`${t}-arrow`]:Object.assign(Object.assign({},m()),{fontSize:w,transition:`transform ${C}`,svg:{transition:`transform ${C}`}}),[`${t}-header-text`]:{marginInlineEnd:`auto`}}),[`${t}-collapsible-header`]:{cursor:`default`,[`${t}-header-text`]:{flex:`none`,cursor:`pointer`},[`${t}-expand-icon`]:{cursor:`pointer`}},[`${t}-collapsible-icon`]:{cursor:`unset`,[`${t}-expand-icon`]:{cursor:`pointer`}}},[`${t}-content`]:{color:f,backgroundColor:n,borderTop:O,[`& > ${t}-content-box`]:{padding:T},"&-hidden":{display:`none`}},"&-small":{[`> ${t}-item`]:{[`> ${t}-header`]:{padding:o,paddingInlineStart:S,[`> ${t}-expand-icon`]:{marginInlineStart:e.calc(b).sub(S).equal()}},[`> ${t}-content > ${t}-content-box`]:{padding:b}}},"&-large":{[`> ${t}-item`]:{fontSize:g,lineHeight:v,[`> ${t}-header`]:{padding:s,paddingInlineStart:r,[`> ${t}-expand-icon`]:{height:D,marginInlineStart:e.calc(x).sub(r).equal()}},[`> ${t}-content > ${t}-content-box`]:{padding:x}}},[`${t}-item:last-child`]:{borderBottom:0,[`> ${t}-content`]:{borderRadius:`0 0 ${z(c)} ${z(c)}`}},[`& ${t}-item-disabled > ${t}-header`]:{"\n          &,\n          & > .arrow\n        ":{color:h,cursor:`not-allowed`}},[`&${t}-icon-position-end`]:{[`& > ${t}-item`]:{[`> ${t}-header`]:{[`${t}-expand-icon`]:{order:1,paddingInlineEnd:0,paddingInlineStart:y}}}}})}},He=e=>{let{componentCls:t}=e,n=`> ${t}-item > ${t}-header ${t}-arrow`;return{[`${t}-rtl`]:{[n]:{transform:`rotate(180deg)`}}}},Ue=e=>{let{componentCls:t,headerBg:n,borderlessContentPadding:r,borderlessContentBg:i,colorBorder:a}=e;return{[`${t}-borderless`]:{backgroundColor:n,border:0,[`> ${t}-item`]:{borderBottom:`1px solid ${a}`},[`
        > ${t}-item:last-child,
        > ${t}-item:last-child ${t}-header
      `]:{borderRadius:0},[`> ${t}-item:last-child`]:{borderBottom:0},[`> ${t}-item > ${t}-content`]:{backgroundColor:i,borderTop:0},[`> ${t}-item > ${t}-content > ${t}-content-box`]:{padding:r}}}},We=e=>{let{componentCls:t,paddingSM:n}=e;return{[`${t}-ghost`]:{backgroundColor:`transparent`,border:0,[`> ${t}-item`]:{borderBottom:0,[`> ${t}-content`]:{backgroundColor:`transparent`,border:0,[`> ${t}-content-box`]:{paddingBlock:n}}}}}},Ge=x(`Collapse`,e=>{let t=l(e,{collapseHeaderPaddingSM:`${z(e.paddingXS)} ${z(e.paddingSM)}`,collapseHeaderPaddingLG:`${z(e.padding)} ${z(e.paddingLG)}`,collapsePanelBorderRadius:e.borderRadiusLG});return[Ve(t),Ue(t),We(t),He(t),f(t)]},e=>({headerPadding:`${e.paddingSM}px ${e.padding}px`,headerBg:e.colorFillAlter,contentPadding:`${e.padding}px 16px`,contentBg:e.colorBgContainer,borderlessContentPadding:`${e.paddingXXS}px 16px ${e.padding}px`,borderlessContentBg:`transparent`})),Ke=Object.assign(X.forwardRef((e,n)=>{let{getPrefixCls:r,direction:i,expandIcon:a,className:o,style:c}=C(`collapse`),{prefixCls:l,className:u,rootClassName:d,style:f,bordered:p=!0,ghost:m,size:h,expandIconPosition:g=`start`,children:_,destroyInactivePanel:v,destroyOnHidden:y,expandIcon:b}=e,x=w(e=>h??e??`middle`),S=r(`collapse`,l),T=r(),[E,D,O]=Ge(S),k=X.useMemo(()=>g===`left`?`start`:g===`right`?`end`:g,[g]),A=b??a,j=X.useCallback((e={})=>{let t=typeof A==`function`?A(e):X.createElement(De,{rotate:e.isActive?i===`rtl`?-90:90:void 0,"aria-label":e.isActive?`expanded`:`collapsed`});return re(t,()=>({className:(0,Y.default)(t.props?.className,`${S}-arrow`)}))},[A,S,i]),M=(0,Y.default)(`${S}-icon-position-${k}`,{[`${S}-borderless`]:!p,[`${S}-rtl`]:i===`rtl`,[`${S}-ghost`]:!!m,[`${S}-${x}`]:x!==`middle`},o,u,d,D,O),N=X.useMemo(()=>Object.assign(Object.assign({},de(T)),{motionAppear:!1,leavedClassName:`${S}-content-hidden`}),[T,S]),P=X.useMemo(()=>_?s(_).map((e,n)=>{let r=e.props;if(r?.disabled){let i=e.key??String(n),a=Object.assign(Object.assign({},t(e.props,[`disabled`])),{key:i,collapsible:r.collapsible??`disabled`});return re(e,a)}return e}):null,[_]);return E(X.createElement(ze,Object.assign({ref:n,openMotion:N},t(e,[`rootClassName`]),{expandIcon:j,prefixCls:S,className:M,style:Object.assign(Object.assign({},c),f),destroyInactivePanel:y??v}),P))}),{Panel:Be}),qe=e=>{let{value:t,formatter:n,precision:r,decimalSeparator:i,groupSeparator:a=``,prefixCls:o}=e,s;if(typeof n==`function`)s=n(t);else{let e=String(t),n=e.match(/^(-?)(\d*)(\.(\d+))?$/);if(!n||e===`-`)s=e;else{let e=n[1],t=n[2]||`0`,c=n[4]||``;t=t.replace(/\B(?=(\d{3})+(?!\d))/g,a),typeof r==`number`&&(c=c.padEnd(r,`0`).slice(0,r>0?r:0)),c&&=`${i}${c}`,s=[X.createElement(`span`,{key:`int`,className:`${o}-content-value-int`},e,t),c&&X.createElement(`span`,{key:`decimal`,className:`${o}-content-value-decimal`},c)]}}return X.createElement(`span`,{className:`${o}-content-value`},s)},Je=e=>{let{componentCls:t,marginXXS:n,padding:r,colorTextDescription:i,titleFontSize:a,colorTextHeading:o,contentFontSize:s,fontFamily:c}=e;return{[t]:Object.assign(Object.assign({},F(e)),{[`${t}-title`]:{marginBottom:n,color:i,fontSize:a},[`${t}-skeleton`]:{paddingTop:r},[`${t}-content`]:{color:o,fontSize:s,fontFamily:c,[`${t}-content-value`]:{display:`inline-block`,direction:`ltr`},[`${t}-content-prefix, ${t}-content-suffix`]:{display:`inline-block`},[`${t}-content-prefix`]:{marginInlineEnd:n},[`${t}-content-suffix`]:{marginInlineStart:n}}})}},Ye=x(`Statistic`,e=>Je(l(e,{})),e=>{let{fontSizeHeading3:t,fontSize:n}=e;return{titleFontSize:n,contentFontSize:t}}),Xe=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},Z=X.forwardRef((e,t)=>{let{prefixCls:n,className:r,rootClassName:i,style:a,valueStyle:o,value:s=0,title:c,valueRender:l,prefix:u,suffix:d,loading:f=!1,formatter:p,precision:m,decimalSeparator:h=`.`,groupSeparator:g=`,`,onMouseEnter:_,onMouseLeave:v}=e,y=Xe(e,[`prefixCls`,`className`,`rootClassName`,`style`,`valueStyle`,`value`,`title`,`valueRender`,`prefix`,`suffix`,`loading`,`formatter`,`precision`,`decimalSeparator`,`groupSeparator`,`onMouseEnter`,`onMouseLeave`]),{getPrefixCls:b,direction:x,className:S,style:w}=C(`statistic`),T=b(`statistic`,n),[E,D,O]=Ye(T),k=X.createElement(qe,{decimalSeparator:h,groupSeparator:g,prefixCls:T,formatter:p,precision:m,value:s}),A=(0,Y.default)(T,{[`${T}-rtl`]:x===`rtl`},S,r,i,D,O),j=X.useRef(null);X.useImperativeHandle(t,()=>({nativeElement:j.current}));let M=N(y,{aria:!0,data:!0});return E(X.createElement(`div`,Object.assign({},M,{ref:j,className:A,style:Object.assign(Object.assign({},w),a),onMouseEnter:_,onMouseLeave:v}),c&&X.createElement(`div`,{className:`${T}-title`},c),X.createElement(ne,{paragraph:!1,loading:f,className:`${T}-skeleton`,active:!0},X.createElement(`div`,{style:o,className:`${T}-content`},u&&X.createElement(`span`,{className:`${T}-content-prefix`},u),l?l(k):k,d&&X.createElement(`span`,{className:`${T}-content-suffix`},d)))))}),Ze=[[`Y`,31536e6],[`M`,2592e6],[`D`,864e5],[`H`,36e5],[`m`,6e4],[`s`,1e3],[`S`,1]];function Qe(e,t){let n=e,r=/\[[^\]]*]/g,i=(t.match(r)||[]).map(e=>e.slice(1,-1)),a=t.replace(r,`[]`),o=Ze.reduce((e,[t,r])=>{if(e.includes(t)){let i=Math.floor(n/r);return n-=i*r,e.replace(RegExp(`${t}+`,`g`),e=>{let t=e.length;return i.toString().padStart(t,`0`)})}return e},a),s=0;return o.replace(r,()=>{let e=i[s];return s+=1,e})}function $e(e,t,n){let{format:r=``}=t,i=new Date(e).getTime(),a=Date.now();return Qe(Math.max(n?i-a:a-i,0),r)}var et=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n};function tt(e){return new Date(e).getTime()}var nt=e=>{let{value:t,format:n=`HH:mm:ss`,onChange:r,onFinish:i,type:a}=e,o=et(e,[`value`,`format`,`onChange`,`onFinish`,`type`]),s=a===`countdown`,[c,l]=X.useState(null),u=v(()=>{let e=Date.now(),n=tt(t);l({});let a=s?n-e:e-n;return r?.(a),s&&n<e?(i?.(),!1):!0});return X.useEffect(()=>{let e,t=()=>ae.cancel(e),n=()=>{e=ae(()=>{u()&&n()})};return n(),t},[t,s]),X.useEffect(()=>{l({})},[]),X.createElement(Z,Object.assign({},o,{value:t,valueRender:e=>re(e,{title:void 0}),formatter:(e,t)=>c?$e(e,Object.assign(Object.assign({},t),{format:n}),s):`-`}))},rt=X.memo(e=>X.createElement(nt,Object.assign({},e,{type:`countdown`})));Z.Timer=nt,Z.Countdown=rt;var it=Z,at=e=>{let{componentCls:t,calc:n}=e;return{[t]:Object.assign(Object.assign({},F(e)),{margin:0,padding:0,listStyle:`none`,[`${t}-item`]:{position:`relative`,margin:0,paddingBottom:e.itemPaddingBottom,fontSize:e.fontSize,listStyle:`none`,"&-tail":{position:`absolute`,insetBlockStart:e.itemHeadSize,insetInlineStart:n(n(e.itemHeadSize).sub(e.tailWidth)).div(2).equal(),height:`calc(100% - ${z(e.itemHeadSize)})`,borderInlineStart:`${z(e.tailWidth)} ${e.lineType} ${e.tailColor}`},"&-pending":{[`${t}-item-head`]:{fontSize:e.fontSizeSM,backgroundColor:`transparent`},[`${t}-item-tail`]:{display:`none`}},"&-head":{position:`absolute`,width:e.itemHeadSize,height:e.itemHeadSize,backgroundColor:e.dotBg,border:`${z(e.dotBorderWidth)} ${e.lineType} transparent`,borderRadius:`50%`,"&-blue":{color:e.colorPrimary,borderColor:e.colorPrimary},"&-red":{color:e.colorError,borderColor:e.colorError},"&-green":{color:e.colorSuccess,borderColor:e.colorSuccess},"&-gray":{color:e.colorTextDisabled,borderColor:e.colorTextDisabled}},"&-head-custom":{position:`absolute`,insetBlockStart:n(e.itemHeadSize).div(2).equal(),insetInlineStart:n(e.itemHeadSize).div(2).equal(),width:`auto`,height:`auto`,marginBlockStart:0,paddingBlock:e.customHeadPaddingVertical,lineHeight:1,textAlign:`center`,border:0,borderRadius:0,transform:`translate(-50%, -50%)`},"&-content":{position:`relative`,insetBlockStart:n(n(e.fontSize).mul(e.lineHeight).sub(e.fontSize)).mul(-1).add(e.lineWidth).equal(),marginInlineStart:n(e.margin).add(e.itemHeadSize).equal(),marginInlineEnd:0,marginBlockStart:0,marginBlockEnd:0,wordBreak:`break-word`},"&-last":{[`> ${t}-item-tail`]:{display:`none`},[`> ${t}-item-content`]:{minHeight:n(e.controlHeightLG).mul(1.2).equal()}}},[`&${t}-alternate,
        &${t}-right,
        &${t}-label`]:{[`${t}-item`]:{"&-tail, &-head, &-head-custom":{insetInlineStart:`50%`},"&-head":{marginInlineStart:n(e.marginXXS).mul(-1).equal(),"&-custom":{marginInlineStart:n(e.tailWidth).div(2).equal()}},"&-left":{[`${t}-item-content`]:{insetInlineStart:`calc(50% - ${z(e.marginXXS)})`,width:`calc(50% - ${z(e.marginSM)})`,textAlign:`start`}},"&-right":{[`${t}-item-content`]:{width:`calc(50% - ${z(e.marginSM)})`,margin:0,textAlign:`end`}}}},[`&${t}-right`]:{[`${t}-item-right`]:{[`${t}-item-tail,
            ${t}-item-head,
            ${t}-item-head-custom`]:{insetInlineStart:`calc(100% - ${z(n(n(e.itemHeadSize).add(e.tailWidth)).div(2).equal())})`},[`${t}-item-content`]:{width:`calc(100% - ${z(n(e.itemHeadSize).add(e.marginXS).equal())})`}}},[`&${t}-pending
        ${t}-item-last
        ${t}-item-tail`]:{display:`block`,height:`calc(100% - ${z(e.margin)})`,borderInlineStart:`${z(e.tailWidth)} dotted ${e.tailColor}`},[`&${t}-reverse
        ${t}-item-last
        ${t}-item-tail`]:{display:`none`},[`&${t}-reverse ${t}-item-pending`]:{[`${t}-item-tail`]:{insetBlockStart:e.margin,display:`block`,height:`calc(100% - ${z(e.margin)})`,borderInlineStart:`${z(e.tailWidth)} dotted ${e.tailColor}`},[`${t}-item-content`]:{minHeight:n(e.controlHeightLG).mul(1.2).equal()}},[`&${t}-label`]:{[`${t}-item-label`]:{position:`absolute`,insetBlockStart:n(n(e.fontSize).mul(e.lineHeight).sub(e.fontSize)).mul(-1).add(e.tailWidth).equal(),width:`calc(50% - ${z(e.marginSM)})`,textAlign:`end`},[`${t}-item-right`]:{[`${t}-item-label`]:{insetInlineStart:`calc(50% + ${z(e.marginSM)})`,width:`calc(50% - ${z(e.marginSM)})`,textAlign:`start`}}},"&-rtl":{direction:`rtl`,[`${t}-item-head-custom`]:{transform:`translate(50%, -50%)`}}})}},ot=x(`Timeline`,e=>at(l(e,{itemHeadSize:10,customHeadPaddingVertical:e.paddingXXS,paddingInlineEnd:2})),e=>({tailColor:e.colorSplit,tailWidth:e.lineWidthBold,dotBorderWidth:e.wireframe?e.lineWidthBold:e.lineWidth*3,dotBg:e.colorBgContainer,itemPaddingBottom:e.padding*1.25})),st=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},ct=e=>{var{prefixCls:t,className:n,color:i=`blue`,dot:a,pending:o=!1,position:s,label:c,children:l}=e,u=st(e,[`prefixCls`,`className`,`color`,`dot`,`pending`,`position`,`label`,`children`]);let{getPrefixCls:d}=X.useContext(r),f=d(`timeline`,t),p=(0,Y.default)(`${f}-item`,{[`${f}-item-pending`]:o},n),m=/blue|red|green|gray/.test(i||``)?void 0:i,h=(0,Y.default)(`${f}-item-head`,{[`${f}-item-head-custom`]:!!a,[`${f}-item-head-${i}`]:!m});return X.createElement(`li`,Object.assign({},u,{className:p}),c&&X.createElement(`div`,{className:`${f}-item-label`},c),X.createElement(`div`,{className:`${f}-item-tail`}),X.createElement(`div`,{className:h,style:{borderColor:m,color:m}},a),X.createElement(`div`,{className:`${f}-item-content`},l))},lt=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},ut=e=>{var{prefixCls:t,className:n,pending:r=!1,children:i,items:a,rootClassName:o,reverse:s=!1,direction:c,hashId:l,pendingDot:u,mode:d=``}=e,f=lt(e,[`prefixCls`,`className`,`pending`,`children`,`items`,`rootClassName`,`reverse`,`direction`,`hashId`,`pendingDot`,`mode`]);let p=(e,n)=>d===`alternate`?e===`right`?`${t}-item-right`:e===`left`||n%2==0?`${t}-item-left`:`${t}-item-right`:d===`left`?`${t}-item-left`:d===`right`||e===`right`?`${t}-item-right`:``,m=le(a||[]),h=typeof r==`boolean`?null:r;r&&m.push({pending:!!r,dot:u||X.createElement(fe,null),children:h}),s&&m.reverse();let g=m.length,_=`${t}-item-last`,v=m.filter(e=>!!e).map((e,t)=>{let n=t===g-2?_:``,i=t===g-1?_:``,{className:a}=e,o=lt(e,[`className`]);return X.createElement(ct,Object.assign({},o,{className:(0,Y.default)([a,!s&&r?n:i,p(e?.position??``,t)]),key:e?.key||t}))}),y=m.some(e=>!!e?.label),b=(0,Y.default)(t,{[`${t}-pending`]:!!r,[`${t}-reverse`]:!!s,[`${t}-${d}`]:!!d&&!y,[`${t}-label`]:y,[`${t}-rtl`]:c===`rtl`},n,o,l);return X.createElement(`ol`,Object.assign({},f,{className:b}),v)};function dt(e,t){return e&&Array.isArray(e)?e:s(t).map(e=>Object.assign({children:e?.props?.children??``},e.props))}var ft=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},pt=e=>{let{getPrefixCls:t,direction:n,timeline:i}=X.useContext(r),{prefixCls:a,children:o,items:s,className:c,style:l}=e,u=ft(e,[`prefixCls`,`children`,`items`,`className`,`style`]),d=t(`timeline`,a),f=M(d),[p,m,h]=ot(d,f),g=dt(s,o);return p(X.createElement(ut,Object.assign({},u,{className:(0,Y.default)(i?.className,c,h,f),style:Object.assign(Object.assign({},i?.style),l),prefixCls:d,direction:n,items:g,hashId:m})))};pt.Item=ct;var mt=pt,Q=e(T(),1),$=se(),ht=I(`
  mutation SubmitResultReport($input: SubmitResultReportInput!) {
    submitResultReport(input: $input) {
      id
      status
    }
  }
`),gt=[`goalAchievement`,`contributions`,`problems`];function _t({requirementId:e,report:t,canWrite:r,onWritten:i}){let{t:o,language:s}=B(),{message:c}=g.useApp(),[l,{loading:u,error:f}]=n(ht,{refetchQueries:[J]});if(!t&&!r)return null;let p=async t=>{await l({variables:{input:{requirementId:e,goalAchievement:t.goalAchievement,contributions:t.contributions??``,problems:t.problems??``}}}).catch(()=>null)&&(c.success(o(`report.written`)),i())};return(0,$.jsx)(_,{size:`small`,title:o(`knowledge.report`),"data-testid":`result-report`,children:t?(0,$.jsxs)(U,{column:1,size:`small`,children:[gt.filter(e=>t[e]).map(e=>(0,$.jsx)(U.Item,{label:o(`knowledge.${e}`),children:(0,$.jsx)(H.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:t[e]})},e)),(0,$.jsxs)(U.Item,{label:o(`report.by`),children:[t.author?.displayName,` · `,(0,Q.default)(t.createdAt).format(`YYYY-MM-DD HH:mm`)]})]}):(0,$.jsxs)(a,{layout:`vertical`,onFinish:e=>void p(e),children:[f&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:L(f,o,s),style:{marginBottom:12}}),(0,$.jsx)(a.Item,{label:o(`knowledge.goalAchievement`),name:`goalAchievement`,rules:[{required:!0,whitespace:!0,message:o(`field.required`,{label:o(`knowledge.goalAchievement`)})}],children:(0,$.jsx)(V.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,$.jsx)(a.Item,{label:o(`knowledge.contributions`),name:`contributions`,children:(0,$.jsx)(V.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,$.jsx)(a.Item,{label:o(`knowledge.problems`),name:`problems`,children:(0,$.jsx)(V.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,$.jsx)(d,{type:`primary`,htmlType:`submit`,loading:u,children:o(`report.submit`)})]})})}var vt=(0,X.lazy)(()=>ue(()=>import(`./BarChart-BS3r98Yz.js`),__vite__mapDeps([0,1,2,3]))),yt=I(`
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
`);function bt({requirementId:e}){let{t,language:n}=B(),{data:r,error:i,loading:a}=u(yt,{variables:{id:e}}),o=r?.requirementBoard;return(0,$.jsxs)(_,{size:`small`,title:t(`board.requirement`),loading:a&&!o,"data-testid":`requirement-board`,children:[i&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:L(i,t,n)}),o&&(0,$.jsxs)($.Fragment,{children:[(0,$.jsx)(ve,{gutter:[16,8],children:[[`board.total`,o.total],[`board.completed`,o.completed],[`board.inProgress`,o.inProgress],[`board.delayed`,o.delayed],[`board.lagging`,o.lagging]].map(([e,n])=>(0,$.jsx)(_e,{xs:12,md:4,children:(0,$.jsx)(it,{title:t(e),value:n})},e))}),(0,$.jsx)(H.Paragraph,{style:{marginTop:8},children:o.byStatus.map(e=>`${k(t,`status`,e.status)} ${e.count}`).join(` · `)}),o.total>0&&(0,$.jsx)(X.Suspense,{fallback:null,children:(0,$.jsx)(vt,{height:200,rows:o.byStatus.map(e=>({name:k(t,`status`,e.status),count:e.count})),series:[{key:`count`,label:t(`board.total`),colour:ye.IN_PROGRESS}]})})]})]})}var xt=I(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      id
      code
      items {
        id
        position
        kind
      }
    }
  }
`),St=[`PRAISE`,`PROBLEM`,`SUGGESTION`],Ct=20;function wt({"aria-required":e,...t}){return(0,$.jsx)(G,{mode:`multiple`,optionFilterProp:`label`,...t})}function Tt({requirementId:e,departments:t}){let{t:r,language:i}=B(),{message:o}=g.useApp(),[s]=a.useForm(),[l,{loading:u,error:f}]=n(xt,{refetchQueries:[J]}),[p,m]=(0,X.useState)(!1),h=async t=>{try{await l({variables:{input:{requirementId:e,items:t.items.map(e=>({kind:e.kind,content:e.content,departmentIds:e.departmentIds??[],personIds:e.personIds??[],proposal:e.proposal??``}))}}}),o.success(r(`feedback.sent`))}catch(e){m(!O(s,e,r,i))}},v=e=>[{required:!0,whitespace:!0,message:r(`field.required`,{label:e})}];return(0,$.jsxs)(_,{size:`small`,title:r(`feedback.title`),"data-testid":`feedback-card`,children:[f&&p&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:L(f,r,i),style:{marginBottom:12}}),(0,$.jsx)(H.Paragraph,{type:`secondary`,children:r(`feedback.itemsHelp`)}),(0,$.jsx)(a,{form:s,layout:`vertical`,initialValues:{items:[{kind:`PRAISE`}]},onFinish:e=>void h(e),children:(0,$.jsx)(a.List,{name:`items`,children:(e,{add:n,remove:i})=>(0,$.jsxs)($.Fragment,{children:[e.map((n,o)=>(0,$.jsxs)(`section`,{"aria-label":r(`feedback.item`,{n:o+1}),"data-testid":`feedback-item-${o+1}`,className:`feedback-item`,children:[e.length>1&&(0,$.jsxs)(K,{style:{width:`100%`,justifyContent:`space-between`},children:[(0,$.jsx)(H.Text,{strong:!0,children:r(`feedback.item`,{n:o+1})}),(0,$.jsx)(d,{size:`small`,type:`text`,danger:!0,icon:(0,$.jsx)(Se,{}),"aria-label":r(`feedback.removeItem`,{n:o+1}),onClick:()=>i(n.name)})]}),(0,$.jsx)(a.Item,{label:r(`feedback.kind`),name:[n.name,`kind`],children:(0,$.jsx)(Ce.Group,{optionType:`button`,options:St.map(e=>({value:e,label:r(`feedback.${e}`)}))})}),(0,$.jsx)(a.Item,{label:r(`feedback.content`),name:[n.name,`content`],rules:v(r(`feedback.content`)),children:(0,$.jsx)(V.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,$.jsx)(a.Item,{label:r(`feedback.departments`),name:[n.name,`departmentIds`],children:(0,$.jsx)(wt,{options:t,placeholder:r(`field.select`)})}),(0,$.jsx)(a.Item,{label:r(`feedback.people`),name:[n.name,`personIds`],children:(0,$.jsx)(Ee,{mode:`multiple`})}),(0,$.jsx)(a.Item,{label:r(`feedback.proposal`),name:[n.name,`proposal`],children:(0,$.jsx)(V.TextArea,{autoSize:{minRows:1},maxLength:2e3})})]},n.key)),(0,$.jsxs)(K,{wrap:!0,children:[e.length<Ct&&(0,$.jsx)(d,{icon:(0,$.jsx)(c,{}),onClick:()=>n({kind:`SUGGESTION`}),children:r(`feedback.addItem`)}),(0,$.jsx)(d,{type:`primary`,htmlType:`submit`,loading:u,children:r(`feedback.submit`)})]})]})})})]})}var Et=I(`
  query RequirementMeetings($code: String!) {
    requirement(code: $code) {
      id
      status
      initiator {
        id
      }
      tasks {
        id
        code
        title
      }
      meetings {
        id
        title
        startsAt
        durationMinutes
        icsUrl
        minutes
        organizer {
          id
          displayName
        }
        attendees {
          id
          displayName
        }
        task {
          id
          code
          title
        }
      }
    }
  }
`),Dt=I(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
    }
  }
`),Ot=[`DRAFT`,`CANCELLED`,`ARCHIVED`];function kt({"aria-required":e,...t}){return(0,$.jsx)(G,{allowClear:!0,optionFilterProp:`label`,...t})}function At({code:e}){let{t,language:r}=B(),{message:i}=g.useApp(),{viewer:o}=ie(),s=Oe(),[c]=a.useForm(),{data:l,refetch:f}=u(Et,{variables:{code:e}}),[p,m]=n(Dt),[h,v]=(0,X.useState)(!1),y=l?.requirement;if(!y)return null;let b=(y.initiator?.id===o.id||o.role===`ADMIN`)&&!Ot.includes(y.status),x=async e=>{try{await p({variables:{input:{requirementId:y.id,title:e.title,startsAt:e.startsAt.second(0).millisecond(0).format(),durationMinutes:e.durationMinutes,attendeeIds:e.attendeeIds,taskId:e.taskId??null}}}),c.resetFields(),i.success(t(`meeting.booked`)),await f()}catch(e){v(!O(c,e,t,r))}},S=e=>({required:!0,message:t(`field.required`,{label:e})});return(0,$.jsxs)(_,{size:`small`,title:t(`meeting.title`),"data-testid":`meetings-card`,children:[(0,$.jsx)(W,{size:`small`,dataSource:y.meetings,locale:{emptyText:(0,$.jsx)(H.Text,{type:`secondary`,children:t(`common.none`)})},renderItem:e=>(0,$.jsx)(W.Item,{actions:[(0,$.jsx)(d,{size:`small`,icon:(0,$.jsx)(Te,{}),"aria-label":t(`meeting.icsLabel`,{title:e.title}),onClick:()=>void s(e.icsUrl),children:t(`meeting.ics`)},`ics`)],children:(0,$.jsxs)(K,{direction:`vertical`,size:2,children:[(0,$.jsx)(H.Text,{strong:!0,children:e.title}),(0,$.jsxs)(H.Text,{children:[t(`meeting.startsAt`),`: `,(0,Q.default)(e.startsAt).format(`YYYY-MM-DD HH:mm`),` ·`,` `,t(`meeting.minutesShort`,{n:e.durationMinutes})]}),(0,$.jsxs)(H.Text,{children:[t(`meeting.place`),`: `,t(`meeting.online`)]}),(0,$.jsxs)(H.Text,{children:[t(`meeting.attendees`),`: `,e.attendees.map(e=>e.displayName).join(`、`)]}),(0,$.jsxs)(H.Text,{type:`secondary`,children:[t(`meeting.organizer`),`: `,e.organizer?.displayName,e.task?` · ${t(`meeting.task`)}: ${e.task.code} ${e.task.title}`:``]}),e.minutes&&(0,$.jsxs)(H.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:[(0,$.jsx)(q,{children:t(`meeting.minutes`)}),e.minutes]})]})})}),b&&(0,$.jsx)(Ke,{size:`small`,style:{marginTop:12},items:[{key:`book`,label:t(`meeting.book`),children:(0,$.jsxs)($.Fragment,{children:[m.error&&h&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:L(m.error,t,r),style:{marginBottom:12}}),(0,$.jsxs)(a,{form:c,name:`meeting`,layout:`vertical`,initialValues:{durationMinutes:30},onFinish:e=>void x(e),children:[(0,$.jsx)(a.Item,{label:t(`meeting.subject`),name:`title`,rules:[S(t(`meeting.subject`)),{min:2,max:200,whitespace:!0,message:t(`field.required`,{label:t(`meeting.subject`)})}],children:(0,$.jsx)(V,{maxLength:200})}),(0,$.jsx)(a.Item,{label:t(`meeting.startsAt`),name:`startsAt`,rules:[S(t(`meeting.startsAt`)),{validator:(e,n)=>n&&!n.isAfter((0,Q.default)())?Promise.reject(Error(t(`meeting.futureOnly`))):Promise.resolve()}],children:(0,$.jsx)(we,{showTime:{format:`HH:mm`},format:`YYYY-MM-DD HH:mm`,style:{width:`100%`},disabledDate:e=>e.isBefore((0,Q.default)(),`day`)})}),(0,$.jsx)(a.Item,{label:t(`meeting.duration`),name:`durationMinutes`,rules:[S(t(`meeting.duration`))],children:(0,$.jsx)(xe,{min:5,max:480,step:15,style:{width:`100%`}})}),(0,$.jsx)(a.Item,{label:t(`meeting.attendees`),name:`attendeeIds`,rules:[{...S(t(`meeting.attendees`)),type:`array`,min:1}],children:(0,$.jsx)(Ee,{mode:`multiple`})}),y.tasks.length>0&&(0,$.jsx)(a.Item,{label:t(`meeting.task`),name:`taskId`,children:(0,$.jsx)(kt,{placeholder:t(`field.select`),options:y.tasks.map(e=>({value:e.id,label:`${e.code} ${e.title}`}))})}),(0,$.jsx)(d,{type:`primary`,htmlType:`submit`,loading:m.loading,children:t(`meeting.submit`)})]})]})}]})]})}var jt=I(`
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
`),Mt=I(`
  mutation ReviewRequirement($input: ReviewRequirementInput!) {
    reviewRequirement(input: $input) {
      id
      status
    }
  }
`);function Nt(e,t){let n=t===`en`;return e.choices?e.choices.map(e=>n&&e.labelEn?e.labelEn:e.label).join(`、`):e.user?e.user.displayName:e.department?n&&e.department.nameEn||e.department.name:e.file?e.file.fileName:e.moneyValue?`¥${e.moneyValue}`:e.textValue??e.numberValue??e.dateValue??``}function Pt({requirement:e}){let{t,language:r}=B(),{message:i}=g.useApp(),[o]=a.useForm(),[s,{loading:c,error:l}]=n(Mt,{refetchQueries:[jt,J]}),u=async n=>{let r=o.getFieldsValue();!n&&!r.comment?.trim()?o.setFields([{name:`comment`,errors:[t(`review.rejectNeedsComment`)]}]):await s({variables:{input:{requirementId:e.id,approve:n,comment:r.comment??``,claimedTasks:r.claimedTasks??[]}}}).catch(()=>null)&&i.success(t(`review.done`))};return(0,$.jsxs)(_,{title:t(`review.title`),size:`small`,"data-testid":`review-card`,children:[l&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:L(l,t,r),style:{marginBottom:12}}),(0,$.jsxs)(a,{form:o,layout:`vertical`,children:[(0,$.jsx)(a.Item,{label:t(`review.comment`),name:`comment`,children:(0,$.jsx)(V.TextArea,{autoSize:{minRows:2}})}),(0,$.jsx)(a.Item,{label:t(`review.claims`),name:`claimedTasks`,extra:t(`review.claimsHelp`),children:(0,$.jsx)(G,{mode:`tags`,open:!1,suffixIcon:null})}),(0,$.jsxs)(K,{children:[(0,$.jsx)(d,{type:`primary`,loading:c,onClick:()=>void u(!0),children:t(`review.approve`)}),(0,$.jsx)(d,{danger:!0,loading:c,onClick:()=>void u(!1),children:t(`review.reject`)})]})]})]})}function Ft(){let{code:e=``}=pe(),{t,language:r}=B(),{message:i}=g.useApp(),{viewer:a}=ie(),{data:o,loading:s,error:c,refetch:l}=u(jt,{variables:{code:e},fetchPolicy:`cache-and-network`,context:{queryDeduplication:!1}}),f=u(J),[p,m]=n(ke,{refetchQueries:[jt]});if(c){let e=P(c)===`NOT_FOUND`;return(0,$.jsx)(D,{status:e?`404`:`error`,title:e?t(`req.notFound`):L(c,t,r)})}let h=o?.requirement;if(!h)return(0,$.jsx)(_,{loading:s});let v=r===`en`,y=e=>e?v&&e.nameEn?e.nameEn:e.name:``,b=f.data?.myWork.reviews.some(e=>e.id===h.id)??!1,x=f.data?.myWork.feedback.some(e=>e.id===h.id)??!1,S=h.initiator?.id===a.id&&[`DRAFT`,`PENDING_MODIFICATION`].includes(h.status),C=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`,`contact`].filter(e=>h[e]);return(0,$.jsxs)(K,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,$.jsxs)(K,{wrap:!0,align:`center`,children:[(0,$.jsx)(H.Title,{level:1,style:{fontSize:22,margin:0},children:h.title}),(0,$.jsx)(ge,{status:h.status}),h.priority===`URGENT`&&(0,$.jsx)(q,{color:`red`,children:t(`priority.URGENT`)})]}),S&&(0,$.jsx)(R,{type:`info`,showIcon:!0,message:k(t,`status`,h.status),action:(0,$.jsxs)(K,{wrap:!0,children:[(0,$.jsx)(oe,{to:`/requirements/${h.code}/edit`,children:t(`edit.open`)}),(0,$.jsx)(d,{type:`primary`,loading:m.loading,onClick:()=>void p({variables:{id:h.id}}).then(()=>i.success(t(`req.submitted`))).catch(e=>i.error(L(e,t,r))),children:t(`req.submit`)})]})}),b&&(0,$.jsx)(Pt,{requirement:h}),x&&(0,$.jsx)(Tt,{requirementId:h.id,departments:h.involvedDepartments.map(e=>({value:e.department.id,label:y(e.department)}))}),(0,$.jsx)(_,{size:`small`,children:(0,$.jsxs)(U,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,$.jsx)(U.Item,{label:t(`req.code`),children:h.code}),(0,$.jsxs)(U.Item,{label:t(`req.initiator`),children:[h.initiator?.displayName,` · `,y(h.initiatingDepartment)]}),(0,$.jsx)(U.Item,{label:t(`req.expectedBy`),children:h.expectedBy??`—`}),h.template&&(0,$.jsx)(U.Item,{label:t(`req.template`),children:y(h.template)}),C.map(e=>(0,$.jsx)(U.Item,{label:t(`req.${e}`),span:{xs:1,md:2,xl:3},children:(0,$.jsx)(H.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:h[e]})},e)),h.customFields.filter(e=>!e.retired).map(e=>(0,$.jsx)(U.Item,{label:v&&e.labelEn?e.labelEn:e.label,children:Nt(e,r)||`—`},e.key))]})}),(0,$.jsx)(_,{size:`small`,title:t(`req.departments`),children:(0,$.jsx)(W,{size:`small`,dataSource:h.involvedDepartments,renderItem:e=>(0,$.jsx)(W.Item,{children:(0,$.jsxs)(K,{wrap:!0,children:[(0,$.jsx)(H.Text,{strong:!0,children:y(e.department)}),e.isLead&&(0,$.jsx)(q,{children:t(`req.lead`)}),(0,$.jsx)(H.Text,{type:`secondary`,children:e.department.head?.displayName}),e.contribution&&(0,$.jsxs)(H.Text,{children:[t(`req.contribution`),`: `,e.contribution]})]})})})}),(0,$.jsx)(be,{attachments:h.attachments,target:[`ARCHIVED`,`CANCELLED`].includes(h.status)?null:{requirementId:h.id},onUploaded:()=>void l()}),(0,$.jsx)(_,{size:`small`,title:t(`req.reviews`),"data-testid":`review-timeline`,children:h.reviewRounds.length===0?(0,$.jsx)(H.Text,{type:`secondary`,children:t(`common.none`)}):(0,$.jsx)(mt,{items:h.reviewRounds.flatMap(e=>[{color:e.outcome===`APPROVED`?`green`:e.outcome===`REJECTED`?`red`:`blue`,children:(0,$.jsxs)(H.Text,{strong:!0,children:[t(`req.round`,{n:e.number}),` · `,k(t,`status`,e.outcome),` ·`,` `,(0,Q.default)(e.openedAt).format(`YYYY-MM-DD HH:mm`)]})},...e.reviews.map(e=>({color:e.decision===`APPROVE`?`green`:`red`,children:(0,$.jsxs)(K,{direction:`vertical`,size:0,children:[(0,$.jsxs)(H.Text,{children:[y(e.department),` · `,e.signedBy?.displayName,e.onBehalfOf?` (${t(`req.onBehalfOf`,{name:e.onBehalfOf.displayName})})`:``,` ·`,` `,(0,$.jsx)(q,{color:e.decision===`APPROVE`?`success`:`error`,children:k(t,`decision`,e.decision)})]}),e.comment&&(0,$.jsx)(H.Text,{children:e.comment}),e.claimedTasks.length>0&&(0,$.jsxs)(H.Text,{children:[t(`review.claims`),`: `,e.claimedTasks.join(`；`)]}),(0,$.jsxs)(H.Text,{type:`secondary`,children:[(0,Q.default)(e.signedAt).format(`YYYY-MM-DD HH:mm`),` · `,t(`req.contentHash`),` `,(0,$.jsx)(`code`,{children:e.contentHash.slice(0,12)})]})]})}))])})}),(0,$.jsx)(At,{code:h.code}),h.tasks.length>0&&(0,$.jsx)(bt,{requirementId:h.id}),(0,$.jsx)(_t,{requirementId:h.id,report:h.resultReport,canWrite:h.initiator?.id===a.id&&h.status===`IN_PROGRESS`&&h.tasks.length>0&&h.tasks.every(e=>e.status===`COMPLETED`),onWritten:()=>void l()}),(0,$.jsx)(_,{size:`small`,title:t(`req.tasks`),children:(0,$.jsx)(he,{size:`small`,rowKey:`id`,pagination:!1,scroll:{x:!0},locale:{emptyText:(0,$.jsx)(H.Text,{type:`secondary`,children:t(`common.none`)})},dataSource:h.tasks,columns:[{title:t(`task.title`),key:`title`,render:(e,t)=>(0,$.jsx)(oe,{to:`/tasks/${t.code}`,children:`${t.code} ${t.title}`})},{title:t(`task.department`),key:`dept`,render:(e,t)=>y(t.executingDepartment)},{title:t(`task.assignee`),key:`assignee`,render:(e,t)=>t.assignee?.displayName},{title:t(`req.status`),key:`status`,render:(e,n)=>(0,$.jsxs)(K,{children:[(0,$.jsx)(ge,{status:n.status}),n.isOverdue&&(0,$.jsx)(q,{color:`red`,children:t(`task.overdue`)})]})},{title:t(`task.percent`),key:`progress`,render:(e,n)=>(0,$.jsx)(me,{percent:n.progress,size:`small`,style:{minWidth:100},"aria-label":`${n.code} ${t(`task.percent`)}`})},{title:t(`task.deadline`),key:`deadline`,render:(e,t)=>t.deadline?(0,Q.default)(t.deadline).format(`YYYY-MM-DD`):`—`}]})})]})}export{Ft as default};