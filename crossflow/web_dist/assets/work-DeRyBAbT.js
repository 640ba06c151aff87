import{An as e,Br as t,Cr as n,D as r,Fn as i,O as a,Pn as o,Tn as s,Ur as c,Ut as l,Yn as u,c as d,cn as f,dt as p,lt as m,rn as h,tr as g,y as _,yn as v}from"./index-CwwjGBzP.js";import{t as y}from"./pagination-BeJ9u_mo.js";import{o as b}from"./select-BO2Df6Lt.js";var x=c(n()),S=c(t()),C=S.createContext({});C.Consumer;var w=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},T=e=>{var{prefixCls:t,className:n,avatar:r,title:i,description:a}=e,s=w(e,[`prefixCls`,`className`,`avatar`,`title`,`description`]);let{getPrefixCls:c}=(0,S.useContext)(o),l=c(`list`,t),u=(0,x.default)(`${l}-item-meta`,n),d=S.createElement(`div`,{className:`${l}-item-meta-content`},i&&S.createElement(`h4`,{className:`${l}-item-meta-title`},i),a&&S.createElement(`div`,{className:`${l}-item-meta-description`},a));return S.createElement(`div`,Object.assign({},s,{className:u}),r&&S.createElement(`div`,{className:`${l}-item-meta-avatar`},r),(i||a)&&d)},E=S.forwardRef((e,t)=>{let{prefixCls:n,children:r,actions:i,extra:s,styles:c,className:l,classNames:u,colStyle:d}=e,p=w(e,[`prefixCls`,`children`,`actions`,`extra`,`styles`,`className`,`classNames`,`colStyle`]),{grid:m,itemLayout:h}=(0,S.useContext)(C),{getPrefixCls:g,list:_}=(0,S.useContext)(o),v=e=>(0,x.default)(_?.item?.classNames?.[e],u?.[e]),y=e=>Object.assign(Object.assign({},_?.item?.styles?.[e]),c?.[e]),b=()=>{let e=!1;return S.Children.forEach(r,t=>{typeof t==`string`&&(e=!0)}),e&&S.Children.count(r)>1},T=()=>h===`vertical`?!!s:!b(),E=g(`list`,n),D=i&&i.length>0&&S.createElement(`ul`,{className:(0,x.default)(`${E}-item-action`,v(`actions`)),key:`actions`,style:y(`actions`)},i.map((e,t)=>S.createElement(`li`,{key:`${E}-item-action-${t}`},e,t!==i.length-1&&S.createElement(`em`,{className:`${E}-item-action-split`})))),O=m?`div`:`li`,k=S.createElement(O,Object.assign({},p,m?{}:{ref:t},{className:(0,x.default)(`${E}-item`,{[`${E}-item-no-flex`]:!T()},l)}),h===`vertical`&&s?[S.createElement(`div`,{className:`${E}-item-main`,key:`content`},r,D),S.createElement(`div`,{className:(0,x.default)(`${E}-item-extra`,v(`extra`)),key:`extra`,style:y(`extra`)},s)]:[r,D,f(s,{key:`extra`})]);return m?S.createElement(a,{ref:t,flex:1,style:d},k):k});E.Meta=T;var D=e=>{let{listBorderedCls:t,componentCls:n,paddingLG:r,margin:i,itemPaddingSM:a,itemPaddingLG:o,marginLG:s,borderRadiusLG:c}=e,l=u(e.calc(c).sub(e.lineWidth).equal());return{[t]:{border:`${u(e.lineWidth)} ${e.lineType} ${e.colorBorder}`,borderRadius:c,[`${n}-header`]:{borderRadius:`${l} ${l} 0 0`},[`${n}-footer`]:{borderRadius:`0 0 ${l} ${l}`},[`${n}-header,${n}-footer,${n}-item`]:{paddingInline:r},[`${n}-pagination`]:{margin:`${u(i)} ${u(s)}`}},[`${t}${n}-sm`]:{[`${n}-item,${n}-header,${n}-footer`]:{padding:a}},[`${t}${n}-lg`]:{[`${n}-item,${n}-header,${n}-footer`]:{padding:o}}}},O=e=>{let{componentCls:t,screenSM:n,screenMD:r,marginLG:i,marginSM:a,margin:o}=e;return{[`@media screen and (max-width:${r}px)`]:{[t]:{[`${t}-item`]:{[`${t}-item-action`]:{marginInlineStart:i}}},[`${t}-vertical`]:{[`${t}-item`]:{[`${t}-item-extra`]:{marginInlineStart:i}}}},[`@media screen and (max-width: ${n}px)`]:{[t]:{[`${t}-item`]:{flexWrap:`wrap`,[`${t}-action`]:{marginInlineStart:a}}},[`${t}-vertical`]:{[`${t}-item`]:{flexWrap:`wrap-reverse`,[`${t}-item-main`]:{minWidth:e.contentWidth},[`${t}-item-extra`]:{margin:`auto auto ${u(o)}`}}}}}},k=e=>{let{componentCls:t,antCls:n,controlHeight:r,minHeight:i,paddingSM:a,marginLG:o,padding:c,itemPadding:l,colorPrimary:d,itemPaddingSM:f,itemPaddingLG:p,paddingXS:m,margin:h,colorText:g,colorTextDescription:_,motionDurationSlow:v,lineWidth:y,headerBg:b,footerBg:x,emptyTextPadding:S,metaMarginBottom:C,avatarMarginRight:w,titleMarginBottom:T,descriptionFontSize:E}=e;return{[t]:Object.assign(Object.assign({},s(e)),{position:`relative`,"--rc-virtual-list-scrollbar-bg":e.colorSplit,"*":{outline:`none`},[`${t}-header`]:{background:b},[`${t}-footer`]:{background:x},[`${t}-header, ${t}-footer`]:{paddingBlock:a},[`${t}-pagination`]:{marginBlockStart:o,[`${n}-pagination-options`]:{textAlign:`start`}},[`${t}-spin`]:{minHeight:i,textAlign:`center`},[`${t}-items`]:{margin:0,padding:0,listStyle:`none`},[`${t}-item`]:{display:`flex`,alignItems:`center`,justifyContent:`space-between`,padding:l,color:g,[`${t}-item-meta`]:{display:`flex`,flex:1,alignItems:`flex-start`,maxWidth:`100%`,[`${t}-item-meta-avatar`]:{marginInlineEnd:w},[`${t}-item-meta-content`]:{flex:`1 0`,width:0,color:g},[`${t}-item-meta-title`]:{margin:`0 0 ${u(e.marginXXS)} 0`,color:g,fontSize:e.fontSize,lineHeight:e.lineHeight,"> a":{color:g,transition:`all ${v}`,"&:hover":{color:d}}},[`${t}-item-meta-description`]:{color:_,fontSize:E,lineHeight:e.lineHeight}},[`${t}-item-action`]:{flex:`0 0 auto`,marginInlineStart:e.marginXXL,padding:0,fontSize:0,listStyle:`none`,"& > li":{position:`relative`,display:`inline-block`,padding:`0 ${u(m)}`,color:_,fontSize:e.fontSize,lineHeight:e.lineHeight,textAlign:`center`,"&:first-child":{paddingInlineStart:0}},[`${t}-item-action-split`]:{position:`absolute`,insetBlockStart:`50%`,insetInlineEnd:0,width:y,height:e.calc(e.fontHeight).sub(e.calc(e.marginXXS).mul(2)).equal(),transform:`translateY(-50%)`,backgroundColor:e.colorSplit}}},[`${t}-empty`]:{padding:`${u(c)} 0`,color:_,fontSize:e.fontSizeSM,textAlign:`center`},[`${t}-empty-text`]:{padding:S,color:e.colorTextDisabled,fontSize:e.fontSize,textAlign:`center`},[`${t}-item-no-flex`]:{display:`block`}}),[`${t}-grid ${n}-col > ${t}-item`]:{display:`block`,maxWidth:`100%`,marginBlockEnd:h,paddingBlock:0,borderBlockEnd:`none`},[`${t}-vertical ${t}-item`]:{alignItems:`initial`,[`${t}-item-main`]:{display:`block`,flex:1},[`${t}-item-extra`]:{marginInlineStart:o},[`${t}-item-meta`]:{marginBlockEnd:C,[`${t}-item-meta-title`]:{marginBlockStart:0,marginBlockEnd:T,color:g,fontSize:e.fontSizeLG,lineHeight:e.lineHeightLG}},[`${t}-item-action`]:{marginBlockStart:c,marginInlineStart:`auto`,"> li":{padding:`0 ${u(c)}`,"&:first-child":{paddingInlineStart:0}}}},[`${t}-split ${t}-item`]:{borderBlockEnd:`${u(e.lineWidth)} ${e.lineType} ${e.colorSplit}`,"&:last-child":{borderBlockEnd:`none`}},[`${t}-split ${t}-header`]:{borderBlockEnd:`${u(e.lineWidth)} ${e.lineType} ${e.colorSplit}`},[`${t}-split${t}-empty ${t}-footer`]:{borderTop:`${u(e.lineWidth)} ${e.lineType} ${e.colorSplit}`},[`${t}-loading ${t}-spin-nested-loading`]:{minHeight:r},[`${t}-split${t}-something-after-last-item ${n}-spin-container > ${t}-items > ${t}-item:last-child`]:{borderBlockEnd:`${u(e.lineWidth)} ${e.lineType} ${e.colorSplit}`},[`${t}-lg ${t}-item`]:{padding:p},[`${t}-sm ${t}-item`]:{padding:f},[`${t}:not(${t}-vertical)`]:{[`${t}-item-no-flex`]:{[`${t}-item-action`]:{float:`right`}}}}},ee=v(`List`,t=>{let n=e(t,{listBorderedCls:`${t.componentCls}-bordered`,minHeight:t.controlHeightLG});return[k(n),D(n),O(n)]},e=>({contentWidth:220,itemPadding:`${u(e.paddingContentVertical)} 0`,itemPaddingSM:`${u(e.paddingContentVerticalSM)} ${u(e.paddingContentHorizontal)}`,itemPaddingLG:`${u(e.paddingContentVerticalLG)} ${u(e.paddingContentHorizontalLG)}`,headerBg:`transparent`,footerBg:`transparent`,emptyTextPadding:e.padding,metaMarginBottom:e.padding,avatarMarginRight:e.padding,titleMarginBottom:e.paddingSM,descriptionFontSize:e.fontSize})),A=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n};function j(e,t){let{pagination:n=!1,prefixCls:a,bordered:s=!1,split:c=!0,className:u,rootClassName:d,style:f,children:v,itemLayout:w,loadMore:T,grid:E,dataSource:D=[],size:O,header:k,footer:j,loading:M=!1,rowKey:N,renderItem:P,locale:te}=e,ne=A(e,[`pagination`,`prefixCls`,`bordered`,`split`,`className`,`rootClassName`,`style`,`children`,`itemLayout`,`loadMore`,`grid`,`dataSource`,`size`,`header`,`footer`,`loading`,`rowKey`,`renderItem`,`locale`]),F=n&&typeof n==`object`?n:{},[re,ie]=S.useState(F.defaultCurrent||1),[ae,oe]=S.useState(F.defaultPageSize||10),{getPrefixCls:se,direction:ce,className:le,style:ue}=i(`list`),{renderEmpty:de}=S.useContext(o),I={current:1,total:0,position:`bottom`},L=e=>(t,r)=>{var i;ie(t),oe(r),n&&((i=n?.[e])==null||i.call(n,t,r))},R=L(`onChange`),z=L(`onShowSizeChange`),B=(e,t)=>{if(!P)return null;let n;return n=typeof N==`function`?N(e):N?e[N]:e.key,n||=`list-item-${t}`,S.createElement(S.Fragment,{key:n},P(e,t))},V=!!(T||n||j),H=se(`list`,a),[fe,pe,me]=ee(H),U=M;typeof U==`boolean`&&(U={spinning:U});let W=!!U?.spinning,he=l(O),G=``;switch(he){case`large`:G=`lg`;break;case`small`:G=`sm`}let ge=(0,x.default)(H,{[`${H}-vertical`]:w===`vertical`,[`${H}-${G}`]:G,[`${H}-split`]:c,[`${H}-bordered`]:s,[`${H}-loading`]:W,[`${H}-grid`]:!!E,[`${H}-something-after-last-item`]:V,[`${H}-rtl`]:ce===`rtl`},le,u,d,pe,me),K=h(I,{total:D.length,current:re,pageSize:ae},n||{}),_e=Math.ceil(K.total/K.pageSize);K.current=Math.min(K.current,_e);let q=n&&S.createElement(`div`,{className:(0,x.default)(`${H}-pagination`)},S.createElement(y,Object.assign({align:`end`},K,{onChange:R,onShowSizeChange:z}))),J=g(D);n&&D.length>(K.current-1)*K.pageSize&&(J=g(D).splice((K.current-1)*K.pageSize,K.pageSize));let ve=Object.keys(E||{}).some(e=>[`xs`,`sm`,`md`,`lg`,`xl`,`xxl`].includes(e)),Y=m(ve),X=S.useMemo(()=>{for(let e=0;e<p.length;e+=1){let t=p[e];if(Y[t])return t}},[Y]),Z=S.useMemo(()=>{if(!E)return;let e=X&&E[X]?E[X]:E.column;if(e)return{width:`${100/e}%`,maxWidth:`${100/e}%`}},[JSON.stringify(E),X]),Q=W&&S.createElement(`div`,{style:{minHeight:53}});if(J.length>0){let e=J.map(B);Q=E?S.createElement(r,{gutter:E.gutter},S.Children.map(e,e=>S.createElement(`div`,{key:e?.key,style:Z},e))):S.createElement(`ul`,{className:`${H}-items`},e)}else!v&&!W&&(Q=S.createElement(`div`,{className:`${H}-empty-text`},te?.emptyText||de?.(`List`)||S.createElement(b,{componentName:`List`})));let $=K.position,ye=S.useMemo(()=>({grid:E,itemLayout:w}),[JSON.stringify(E),w]);return fe(S.createElement(C.Provider,{value:ye},S.createElement(`div`,Object.assign({ref:t,style:Object.assign(Object.assign({},ue),f),className:ge},ne),($===`top`||$===`both`)&&q,k&&S.createElement(`div`,{className:`${H}-header`},k),S.createElement(_,Object.assign({},U),Q,v),j&&S.createElement(`div`,{className:`${H}-footer`},j),T||($===`bottom`||$===`both`)&&q)))}var M=S.forwardRef(j);M.Item=E;var N=d(`
  query MyWork {
    myWork {
      total
      reviews {
        id
        code
        title
        status
        priority
        expectedBy
        initiator {
          id
          displayName
        }
      }
      acceptances {
        id
        code
        title
        submittedAt
        assignee {
          id
          displayName
        }
        requirement {
          id
          code
          title
        }
      }
      collaborationRequests {
        id
        content
        expectedBy
        fromUser {
          id
          displayName
        }
        fromDepartment {
          id
          name
          nameEn
        }
        task {
          id
          code
          title
        }
      }
      tasks {
        id
        code
        title
        status
        progress
        deadline
        isOverdue
        requirement {
          id
          code
          title
        }
      }
      feedback {
        id
        code
        title
        status
      }
    }
  }
`);export{M as n,N as t};